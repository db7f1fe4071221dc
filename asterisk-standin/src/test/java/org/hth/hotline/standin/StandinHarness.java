package org.hth.hotline.standin;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.hth.hotline.standin.ami.AmiServerConfig;
import org.hth.hotline.standin.call.CallerBehaviour;
import org.hth.hotline.standin.call.Endpoints;
import org.hth.hotline.standin.dialplan.Dialplan;
import org.hth.hotline.standin.scenario.Scenario;
import org.hth.hotline.standin.scenario.Simulator;
import org.hth.hotline.standin.scenario.SimulatorConfig;

/** Builds simulators on a shared event-loop group for the tests; close it after each test. */
final class StandinHarness implements AutoCloseable {
    final EventLoopGroup group = new MultiThreadIoEventLoopGroup(4, NioIoHandler.newFactory());

    Simulator simulator(double speed, Endpoints endpoints, List<CallerBehaviour> calls, int agiPort, Dialplan dialplan) {
        Scenario scenario = new Scenario(speed, "800290290", endpoints, calls, Optional.empty());
        return simulator(scenario, agiPort, dialplan);
    }

    Simulator simulator(Scenario scenario, int agiPort, Dialplan dialplan) {
        SimulatorConfig config = new SimulatorConfig("127.0.0.1", agiPort,
                AmiServerConfig.loopback("hotline", "hotline-secret"), dialplan, "numero-verde", ZoneOffset.UTC);
        return new Simulator(scenario, config, group, Clock.systemUTC()).start();
    }

    @Override
    public void close() {
        group.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
    }
}
