package org.hth.hotline.ops.health;

import org.hth.hotline.core.config.AmiConfig;
import org.hth.hotline.core.health.ComponentHealth;
import org.hth.hotline.core.health.HealthCheck;

/**
 * The PBX when the AMI call tracker does not run: switched off, or no AMI secret set. (When it runs, its own
 * health check reports the connection.) Not critical: the dialplan still sends every call to the FastAGI
 * script or, failing that, to the fallback line; only live tracking and call records are lost.
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
        return ComponentHealth.down("PBX not connected yet: no AMI secret set (HOTLINE_AMI_SECRET) for "
                + ami.host() + ":" + ami.port() + "; calls are routed but not recorded");
    }
}
