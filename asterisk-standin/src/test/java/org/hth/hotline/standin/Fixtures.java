package org.hth.hotline.standin;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** The recorded Asterisk transcripts, copied unchanged into the test resources. */
final class Fixtures {
    private Fixtures() {
    }

    static byte[] bytes(String path) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/asterisk/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String path) {
        return new String(bytes(path), StandardCharsets.UTF_8);
    }

    /** The commands the recorder sent, one per line of {@code agi.out.wire}. */
    static List<String> commands(String folder) {
        String out = text(folder + "/agi.out.wire");
        return Arrays.asList(out.substring(0, out.length() - 1).split("\n", -1));
    }

    /** The recorder's own dialplan (fixtures README), which the calls 01 to 07 ran. */
    static final String RECORDER_DIALPLAN = """
            [numero-verde]
            exten => 800290290,1,NoOp(Numero verde call from ${CALLERID(all)})
             same => n,Answer()
             same => n,AGI(agi://127.0.0.1:4573/route)
             same => n,Hangup()
            """;
}
