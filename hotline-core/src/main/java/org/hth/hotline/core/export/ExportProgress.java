package org.hth.hotline.core.export;

/** Told how an export goes: records read so far and the share of the period covered (0 to 1). */
@FunctionalInterface
public interface ExportProgress {
    ExportProgress NONE = (records, done) -> { };

    void update(long records, double done);
}
