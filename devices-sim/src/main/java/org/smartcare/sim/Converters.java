package org.smartcare.sim;

import java.time.Duration;
import java.util.Arrays;
import java.util.Iterator;
import picocli.CommandLine.ITypeConverter;

/** picocli converters for the simulator's option types; each delegates to the type's own parser. */
final class Converters {

    private Converters() {
    }

    static final class RateConverter implements ITypeConverter<Rate> {
        @Override
        public Rate convert(String value) {
            return Rate.parse(value);
        }
    }

    static final class DurationConverter implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            return Durations.parse(value);
        }
    }

    /** Button events only: what {@code sos} sends. */
    static final class EventTypeConverter implements ITypeConverter<EventType> {
        @Override
        public EventType convert(String value) {
            return EventType.parse(value, DeviceType.SOS_BUTTON);
        }
    }

    /** Any event type of the catalogue. */
    static final class AnyEventTypeConverter implements ITypeConverter<EventType> {
        @Override
        public EventType convert(String value) {
            return EventType.parse(value);
        }
    }

    static final class DeviceTypeConverter implements ITypeConverter<DeviceType> {
        @Override
        public DeviceType convert(String value) {
            return DeviceType.parse(value);
        }
    }

    static final class LocationConverter implements ITypeConverter<Location> {
        @Override
        public Location convert(String value) {
            return Location.parse(value);
        }
    }

    /** Lists the button events' wire names in help and shell completion, rather than the enum constants. */
    static final class EventTypeNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(EventType.values()).filter(t -> t.deviceType() == DeviceType.SOS_BUTTON)
                    .map(EventType::wireName).iterator();
        }
    }

    /** Every event type's wire name. */
    static final class AllEventTypeNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(EventType.values()).map(EventType::wireName).iterator();
        }
    }
}
