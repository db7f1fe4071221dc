package org.hth.hotline.ops.health;

import org.hth.hotline.core.config.AmiConfig;
import org.hth.hotline.core.health.ComponentHealth;
import org.hth.hotline.core.health.HealthCheck;

/**
 * The connection to Asterisk. Not critical: while it is down the dialplan still sends every call to the
 * FastAGI script or, failing that, to the fallback line; only live tracking is lost.
 */
public final class PbxHealth implements HealthCheck {
    private final AmiConfig ami;

    public PbxHealth(AmiConfig ami) {
        this.ami = ami;
    }

    @Override
    public String name() {
        return "pbx";
    }

    @Override
    public boolean critical() {
        return false;
    }

    @Override
    public ComponentHealth check() {
        if (!ami.enabled()) {
            return ComponentHealth.disabled("AMI is switched off (ami.enabled: false)");
        }
        String where = ami.host() + ":" + ami.port();
        if (ami.secret().isEmpty()) {
            return ComponentHealth.down("PBX not connected yet: no AMI secret set (HOTLINE_AMI_SECRET)"
                    + " for " + where);
        }
        return ComponentHealth.down("PBX not connected yet: the AMI call tracker is not part of this build"
                + " (" + where + ")");
    }
}
