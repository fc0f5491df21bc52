package org.smartcare.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DeviceCredentialsTest {

    @Test
    void readsDevicesSkippingCommentsBlankLinesAndHeader() throws IOException {
        List<DeviceCredentials> devices = DeviceCredentials.readCsv(Fixtures.path("credentials/valid.csv"));

        assertEquals(List.of(
                DeviceCredentials.of("btn-0001", "Zm9vYmFyYmF6"),
                DeviceCredentials.of("btn-0002", "c2VjcmV0LTI="),
                DeviceCredentials.of("bed-0001", "s3cr3t")), devices);
    }

    @Test
    void acceptsWindowsLineEnds() throws IOException {
        List<DeviceCredentials> devices = DeviceCredentials.readCsv(Fixtures.path("credentials/crlf.csv"));

        assertEquals(List.of(DeviceCredentials.of("btn-1", "one"), DeviceCredentials.of("btn-2", "two")), devices);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            three-fields.csv | three-fields.csv:1: unknown device type 'extra'
            four-fields.csv  | four-fields.csv:1: expected 2 or 3 fields 'deviceId,secret[,type]', found 4
            one-field.csv    | one-field.csv:3: expected 2 or 3 fields 'deviceId,secret[,type]', found 1
            empty-secret.csv | empty-secret.csv:2: device 'btn-2' has an empty secret
            slash-in-id.csv  | slash-in-id.csv:2: device id 'home/btn-2' contains '/'
            empty-id.csv     | empty-id.csv:1: device id is empty
            duplicate.csv    | duplicate.csv:3: device 'btn-1' is listed twice (first on line 1)
            no-devices.csv   | no-devices.csv: no devices (expected lines 'deviceId,secret[,type]')
            """)
    void reportsWhatIsWrongAndWhere(String file, String expected) {
        Path path = Fixtures.path("credentials/" + file);

        DeviceCredentials.InvalidCredentialsFile e = assertThrows(DeviceCredentials.InvalidCredentialsFile.class,
                () -> DeviceCredentials.readCsv(path));

        assertTrue(e.getMessage().endsWith(expected) || e.getMessage().contains(expected),
                () -> "message was: " + e.getMessage());
        assertTrue(e.getMessage().startsWith(path.toString()), () -> "should name the file: " + e.getMessage());
    }

    @Test
    void readsTheTypeColumnWhenPresent() throws IOException {
        List<DeviceCredentials.DeviceEntry> entries = DeviceCredentials.readEntries(Fixtures.path("credentials/typed.csv"));

        assertEquals(List.of("bed-1", "btn-1", "cam-1", "old-1"), entries.stream().map(e -> e.deviceId()).toList());
        assertEquals(DeviceType.BED_SENSOR, entries.get(0).type());
        assertEquals(DeviceType.SOS_BUTTON, entries.get(1).type());
        assertEquals(DeviceType.NURSERY_CAMERA, entries.get(2).type());
        assertNull(entries.get(3).type());
        assertEquals(DeviceCredentials.of("btn-1", "two"), DeviceCredentials.readCsv(Fixtures.path("credentials/typed.csv")).get(1));
    }

    @Test
    void missingFileIsReportedByName(@TempDir Path dir) {
        Path missing = dir.resolve("devices.csv");

        DeviceCredentials.InvalidCredentialsFile e = assertThrows(DeviceCredentials.InvalidCredentialsFile.class,
                () -> DeviceCredentials.readCsv(missing));

        assertEquals(missing + ": no such file", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"a/b", "btn+1", "btn#1", "$SYS", "btn 1", "btn\t1"})
    void idsThatCannotBeATopicLevelAreRejected(String id) {
        assertNotNull(DeviceCredentials.deviceIdProblem(id));
        assertThrows(IllegalArgumentException.class, () -> DeviceCredentials.of(id, "secret"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"btn-1", "BED_0001", "cam.nursery.7", "3a6f0c9e-1b2d-4e5f-8a9b-0c1d2e3f4a5b", "床垫-01"})
    void ordinaryIdsAreAccepted(String id) {
        assertNull(DeviceCredentials.deviceIdProblem(id));
    }

    @Test
    void toStringNeverShowsTheSecret() {
        String text = DeviceCredentials.of("btn-1", "hunter2").toString();

        assertFalse(text.contains("hunter2"), text);
        assertTrue(text.contains("btn-1"), text);
    }
}
