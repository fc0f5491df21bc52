package org.smartcare.alert;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.smartcare.device.Device;

/** One bed's new samples in an ingest batch. */
public record BedBatch(Device bed, List<VitalsReading> readings) {

    /**
     * The readings oldest first. They nearly always arrive so (one message's samples are in order), and this
     * runs for every bed of every batch, so an ordered list is returned as it is rather than sorted into a copy.
     */
    public List<VitalsReading> inTimeOrder() {
        for (int i = 1; i < readings.size(); i++) {
            if (readings.get(i).at().isBefore(readings.get(i - 1).at())) {
                List<VitalsReading> sorted = new ArrayList<>(readings);
                sorted.sort(Comparator.comparing(VitalsReading::at));
                return sorted;
            }
        }
        return readings;
    }
}
