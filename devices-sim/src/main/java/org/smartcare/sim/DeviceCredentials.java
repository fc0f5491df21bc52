package org.smartcare.sim;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One device's broker login: MQTT username and client id are the device id, the password is the
 * device secret.
 */
public record DeviceCredentials(String deviceId, String secret) {

    public DeviceCredentials {
        String problem = deviceIdProblem(deviceId);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("device '" + deviceId + "' has an empty secret");
        }
    }

    public static DeviceCredentials of(String deviceId, String secret) {
        return new DeviceCredentials(deviceId, secret);
    }

    /**
     * Why {@code deviceId} cannot be a device id, or {@code null} when it can. The id becomes one topic
     * level, the MQTT username and the client id, so MQTT wildcards, separators and blanks are out.
     */
    public static String deviceIdProblem(String deviceId) {
        if (deviceId == null || deviceId.isEmpty()) {
            return "device id is empty";
        }
        if (deviceId.length() > 128) {
            return "device id '" + deviceId.substring(0, 20) + "...' is longer than 128 characters";
        }
        for (int i = 0; i < deviceId.length(); i++) {
            char c = deviceId.charAt(i);
            if (c == '/' || c == '+' || c == '#' || c == '$' || Character.isWhitespace(c) || Character.isISOControl(c)) {
                return "device id '" + deviceId + "' contains '" + printable(c) + "': ids may not contain / + # $ or blanks";
            }
        }
        return null;
    }

    /** Reads a {@code deviceId,secret[,type]} file for its credentials; see {@link #parseEntries(Reader, String)}. */
    public static List<DeviceCredentials> readCsv(Path file) throws IOException {
        return readEntries(file).stream().map(DeviceEntry::credentials).toList();
    }

    /** Parses the credentials of a devices file; see {@link #parseEntries(Reader, String)}. */
    public static List<DeviceCredentials> parseCsv(Reader input, String source) throws IOException {
        return parseEntries(input, source).stream().map(DeviceEntry::credentials).toList();
    }

    /** Reads a {@code deviceId,secret[,type]} file; see {@link #parseEntries(Reader, String)}. */
    public static List<DeviceEntry> readEntries(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parseEntries(reader, file.toString());
        } catch (NoSuchFileException e) {
            throw new InvalidCredentialsFile(file + ": no such file");
        }
    }

    /**
     * Parses lines {@code deviceId,secret} or {@code deviceId,secret,type} (type BED_SENSOR, SOS_BUTTON or
     * NURSERY_CAMERA). Blank lines and lines starting with {@code #} are skipped, fields are trimmed, and
     * a first line {@code deviceId,secret[,type]} is taken as a header. Every other line must hold two
     * non-empty fields and optionally a known type, ids must be unique and the file must name at least
     * one device; any violation is reported with its line number.
     *
     * @param source names the input in error messages, usually the file name
     */
    public static List<DeviceEntry> parseEntries(Reader input, String source) throws IOException {
        BufferedReader reader = input instanceof BufferedReader b ? b : new BufferedReader(input);
        List<DeviceEntry> devices = new ArrayList<>();
        Map<String, Integer> lineOfId = new HashMap<>();
        boolean firstDataLine = true;
        int lineNo = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            lineNo++;
            String text = lineNo == 1 ? stripBom(line).strip() : line.strip();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            String[] fields = text.split(",", -1);
            if (firstDataLine && isHeader(fields)) {
                firstDataLine = false;
                continue;
            }
            firstDataLine = false;
            if (fields.length != 2 && fields.length != 3) {
                throw new InvalidCredentialsFile(source + ":" + lineNo
                        + ": expected 2 or 3 fields 'deviceId,secret[,type]', found " + fields.length);
            }
            String id = fields[0].strip();
            String secret = fields[1].strip();
            String idProblem = deviceIdProblem(id);
            if (idProblem != null) {
                throw new InvalidCredentialsFile(source + ":" + lineNo + ": " + idProblem);
            }
            if (secret.isEmpty()) {
                throw new InvalidCredentialsFile(source + ":" + lineNo + ": device '" + id + "' has an empty secret");
            }
            DeviceType type = null;
            if (fields.length == 3) {
                try {
                    type = DeviceType.parse(fields[2]);
                } catch (IllegalArgumentException e) {
                    throw new InvalidCredentialsFile(source + ":" + lineNo + ": " + e.getMessage());
                }
            }
            Integer earlier = lineOfId.putIfAbsent(id, lineNo);
            if (earlier != null) {
                throw new InvalidCredentialsFile(source + ":" + lineNo + ": device '" + id
                        + "' is listed twice (first on line " + earlier + ")");
            }
            devices.add(new DeviceEntry(new DeviceCredentials(id, secret), type, lineNo));
        }
        if (devices.isEmpty()) {
            throw new InvalidCredentialsFile(source + ": no devices (expected lines 'deviceId,secret[,type]')");
        }
        return List.copyOf(devices);
    }

    /**
     * One line of a devices file.
     *
     * @param type {@code null} when the line has no type column
     * @param line the line number, for error messages
     */
    public record DeviceEntry(DeviceCredentials credentials, DeviceType type, int line) {
        public String deviceId() {
            return credentials.deviceId();
        }
    }

    /** Never print the secret: this record's default toString would. */
    @Override
    public String toString() {
        return "DeviceCredentials[deviceId=" + deviceId + ", secret=***]";
    }

    private static boolean isHeader(String[] fields) {
        return (fields.length == 2 || fields.length == 3)
                && fields[0].strip().replace("_", "").equalsIgnoreCase("deviceid")
                && fields[1].strip().equalsIgnoreCase("secret")
                && (fields.length == 2 || fields[2].strip().equalsIgnoreCase("type"));
    }

    private static String stripBom(String line) {
        return line.startsWith("\uFEFF") ? line.substring(1) : line;
    }

    private static String printable(char c) {
        return Character.isISOControl(c) || Character.isWhitespace(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c);
    }

    /** A credentials file that cannot be used; the message names the file and line. */
    public static final class InvalidCredentialsFile extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        public InvalidCredentialsFile(String message) {
            super(message);
        }
    }
}
