package org.hth.hotline.standin.scenario;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Objects;
import org.hth.hotline.standin.ami.AmiServerConfig;
import org.hth.hotline.standin.dialplan.Dialplan;

/**
 * Where the simulator sends FastAGI and how it serves AMI.
 *
 * @param agiHost  the hotline's FastAGI host (replaces the host of the dialplan's {@code AGI()} URL)
 * @param agiPort  its port (likewise)
 * @param ami      the AMI server's address and credentials
 * @param dialplan the dialplan the calls run ({@code [numero-verde]} of the shipped extensions.conf)
 * @param context  the context calls land in
 * @param zone     time zone of CDR times
 */
public record SimulatorConfig(String agiHost, int agiPort, AmiServerConfig ami, Dialplan dialplan, String context,
                              ZoneId zone) {
    public SimulatorConfig {
        Objects.requireNonNull(agiHost, "agiHost");
        Objects.requireNonNull(ami, "ami");
        Objects.requireNonNull(dialplan, "dialplan");
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(zone, "zone");
    }

    /** Reads a dialplan file such as {@code config/asterisk/extensions.conf}. */
    public static Dialplan readDialplan(Path file) {
        try {
            return Dialplan.parse(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read dialplan " + file, e);
        }
    }
}
