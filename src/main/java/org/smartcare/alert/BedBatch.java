package org.smartcare.alert;

import java.util.List;
import org.smartcare.device.Device;

/** One bed's new samples in an ingest batch. */
public record BedBatch(Device bed, List<VitalsReading> readings) {
}
