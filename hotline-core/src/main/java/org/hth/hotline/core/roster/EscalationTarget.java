package org.hth.hotline.core.roster;

import java.util.Objects;

/**
 * Whom an escalation step rings: the primary or secondary on call, every available operator, or one
 * named operator. Immutable, thread-safe.
 */
public sealed interface EscalationTarget {

    /** The spelling in the roster YAML: {@code primary}, {@code secondary}, {@code all-available}, {@code operator:ID}. */
    String yamlName();

    /** The operator on call first. */
    record Primary() implements EscalationTarget {
        @Override
        public String yamlName() {
            return "primary";
        }
    }

    /** The operator on call after the primary (the rotation's next member). */
    record Secondary() implements EscalationTarget {
        @Override
        public String yamlName() {
            return "secondary";
        }
    }

    /** Every operator whose presence is {@link PresenceState#AVAILABLE}. */
    record AllAvailable() implements EscalationTarget {
        @Override
        public String yamlName() {
            return "all-available";
        }
    }

    /** One operator by roster id. */
    record OperatorTarget(String id) implements EscalationTarget {
        public OperatorTarget {
            Objects.requireNonNull(id, "id");
        }

        @Override
        public String yamlName() {
            return "operator:" + id;
        }
    }
}
