package org.hth.hotline.console.tickets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Map;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import org.hth.hotline.console.api.ApiProblem;
import org.hth.hotline.core.referral.AccessChannel;
import org.hth.hotline.core.referral.TicketDraft;
import org.hth.hotline.core.referral.TicketValidator;
import org.junit.jupiter.api.Test;

class TicketDraftJsonTest {

    static JsonObject valid() {
        return new JsonObject().put("accessChannel", "NUMERO_VERDE").put("exploitation", new JsonArray().add("LABOUR"))
                .put("needs", new JsonArray().add("EMERGENCY_SHELTER")).put("urgency", "URGENT")
                .put("territory", "ASL5").put("consent", true).put("summary", "made-up summary")
                .put("person", new JsonObject().put("gender", "F").put("ageBand", "18-25")
                        .put("languages", new JsonArray().add("en")));
    }

    private static Map<String, String> errors(JsonObject body) {
        ApiProblem problem = catchThrowableOfType(ApiProblem.class, () -> TicketDraftJson.parse(body));
        assertThat(problem).as("refused").isNotNull();
        assertThat(problem.status()).isEqualTo(400);
        return problem.fields();
    }

    @Test
    void validBodyIsReadIntoADraft() {
        TicketDraft draft = TicketDraftJson.parse(valid());

        assertThat(draft.accessChannel()).contains(AccessChannel.NUMERO_VERDE);
        assertThat(draft.consent()).isTrue();
        assertThat(draft.person().languages()).containsExactly("en");
    }

    @Test
    void unknownFieldInThePersonIsRefused() {
        assertThat(errors(valid().put("person", new JsonObject().put("phone", "3331234567"))))
                .containsEntry("person", "unknown field in person");
    }

    @Test
    void unknownEnumValueNamesTheField() {
        assertThat(errors(valid().put("urgency", "WHENEVER"))).containsKey("urgency");
        assertThat(errors(valid().put("needs", new JsonArray().add("PIZZA")))).containsKey("needs");
    }

    @Test
    void summaryLongerThanTheLimitIsRefused() {
        assertThat(errors(valid().put("summary", "x".repeat(TicketValidator.SUMMARY_MAX + 1))))
                .containsEntry("summary", "at most " + TicketValidator.SUMMARY_MAX + " characters");
    }

    @Test
    void callIdLongerThan200CharactersIsRefused() {
        assertThat(errors(valid().put("callId", "1".repeat(201)))).containsEntry("callId", "at most 200 characters");
    }

    @Test
    void tooManyLanguagesAreRefused() {
        JsonArray languages = new JsonArray();
        for (int i = 0; i < 11; i++) {
            languages.add("en");
        }
        assertThat(errors(valid().put("person", new JsonObject().put("languages", languages))))
                .containsKey("person.languages");
    }

    @Test
    void listLongerThanTheEnumIsRefused() {
        JsonArray many = new JsonArray();
        for (int i = 0; i < 40; i++) {
            many.add("LABOUR");
        }
        assertThat(errors(valid().put("exploitation", many))).containsKey("exploitation");
    }

    @Test
    void wrongTypesAreReportedPerField() {
        Map<String, String> errors = errors(valid().put("consent", "yes").put("summary", 5)
                .put("person", new JsonObject().put("minor", "no").put("nationality", "Nigeria")));

        assertThat(errors).containsEntry("consent", "expected true or false").containsEntry("summary", "expected text")
                .containsEntry("person.minor", "expected true or false")
                .containsEntry("person.nationality", "at most 2 characters");
    }

    @Test
    void territoryUnknownCannotBeChosen() {
        assertThat(errors(valid().put("territory", "UNKNOWN"))).containsKey("territory");
    }

    @Test
    void everyDraftFieldIsAnAllowedTopLevelField() {
        assertThat(TicketDraftJson.FIELDS).containsExactlyInAnyOrder("accessChannel", "exploitation", "person", "needs",
                "urgency", "territory", "consent", "summary", "callId");
    }
}
