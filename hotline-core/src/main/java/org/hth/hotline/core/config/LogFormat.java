package org.hth.hotline.core.config;

/** How log lines are written; {@code text} or {@code json} in YAML and env. */
public enum LogFormat {
    /** Human-readable lines, for development. */
    TEXT,
    /** One JSON object per line, for production log shipping. */
    JSON
}
