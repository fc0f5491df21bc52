package org.smartcare.sim;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** A city simulated without a broker or a wall clock: as fast as the CPU goes. */
final class OfflineCity {

    static final long FIRST_SEQ = 1_000_000L;

    final RunStats stats = new RunStats();
    final List<DeviceRunner> runners = new ArrayList<>();
    final List<RecordingChannel> channels = new ArrayList<>();
    final List<DeviceModel> models = new ArrayList<>();

    OfflineCity(int beds, int buttons, int cameras, long seed, CityRates rates, FaultRates faults, Instant start) {
        SplittableRandom master = new SplittableRandom(seed);
        long t = start.toEpochMilli();
        for (int i = 0; i < beds + buttons + cameras; i++) {
            SplittableRandom r = master.split();
            DeviceModel model = i < beds ? new BedModel("bed-" + i, FIRST_SEQ, r, rates, t)
                    : i < beds + buttons ? new ButtonModel("btn-" + i, FIRST_SEQ, r, rates, t)
                    : new CameraModel("cam-" + i, FIRST_SEQ, r, rates, t);
            RecordingChannel channel = new RecordingChannel();
            models.add(model);
            channels.add(channel);
            runners.add(new DeviceRunner(model, channel, new FaultInjector(faults, master.split()), stats, () -> 3_000));
        }
    }

    OfflineCity run(Instant start, java.time.Duration length) {
        long t = start.toEpochMilli();
        new CitySimulation(runners).run(t, t + length.toMillis(), Pacer.unpaced());
        return this;
    }

    List<FaultInjector.Copy> published() {
        return channels.stream().flatMap(c -> c.published().stream()).toList();
    }
}
