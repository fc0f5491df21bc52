package org.smartcare.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The personal_data_read hypertable: appends audit rows in one batch and lists them newest first. */
@Singleton
public class PersonalDataReads {

    private static final String INSERT = """
            INSERT INTO personal_data_read (read_at, subject, role, tenant_id, data_subject_kind, data_subject_id,
                                            fields, masked_fields, operation)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String PAGE = """
            SELECT * FROM personal_data_read
            WHERE (?::text IS NULL OR (data_subject_kind = ?::text AND data_subject_id = ?::bigint))
              AND (?::text IS NULL OR subject = ?::text)
              AND (?::timestamptz IS NULL OR read_at >= ?::timestamptz)
              AND (?::timestamptz IS NULL OR read_at < ?::timestamptz)
              AND (?::timestamptz IS NULL OR (read_at, id) < (?::timestamptz, ?::bigint))
            ORDER BY read_at DESC, id DESC
            LIMIT ?""";

    private final ConnectionOperations<Connection> connections;

    PersonalDataReads(ConnectionOperations<Connection> connections) {
        this.connections = connections;
    }

    /** Stores the rows in one statement batch, in a transaction of its own. */
    @Transactional
    public void append(List<PersonalDataRead> rows) {
        Connection connection = connections.getConnectionStatus().getConnection();
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (PersonalDataRead row : rows) {
                insert.setTimestamp(1, Timestamp.from(row.at()));
                insert.setString(2, row.subject());
                insert.setString(3, row.role().name());
                insert.setString(4, row.tenantId());
                insert.setString(5, row.dataSubject().kind().name());
                insert.setLong(6, row.dataSubject().id());
                insert.setArray(7, connection.createArrayOf("text", row.fields().toArray()));
                insert.setArray(8, connection.createArrayOf("text", row.maskedFields().toArray()));
                insert.setString(9, row.operation());
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new AuditUnavailable(e);
        }
    }

    /** A page of reads, newest first, strictly after {@code after} in that order when it is given. */
    @Transactional(readOnly = true)
    public List<PersonalDataRead> page(ReadFilter filter, @Nullable Position after, int limit) {
        Connection connection = connections.getConnectionStatus().getConnection();
        try (PreparedStatement query = connection.prepareStatement(PAGE)) {
            DataSubject person = filter.person();
            query.setString(1, person == null ? null : person.kind().name());
            query.setString(2, person == null ? null : person.kind().name());
            query.setObject(3, person == null ? null : person.id(), Types.BIGINT);
            query.setString(4, filter.subject());
            query.setString(5, filter.subject());
            setInstant(query, 6, filter.from());
            setInstant(query, 7, filter.from());
            setInstant(query, 8, filter.to());
            setInstant(query, 9, filter.to());
            setInstant(query, 10, after == null ? null : after.at());
            setInstant(query, 11, after == null ? null : after.at());
            query.setObject(12, after == null ? null : after.id(), Types.BIGINT);
            query.setInt(13, limit);
            List<PersonalDataRead> page = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    page.add(read(rows));
                }
            }
            return page;
        } catch (SQLException e) {
            throw new AuditUnavailable(e);
        }
    }

    private static PersonalDataRead read(ResultSet rows) throws SQLException {
        return new PersonalDataRead(rows.getLong("id"), rows.getTimestamp("read_at").toInstant(),
                rows.getString("subject"), Role.valueOf(rows.getString("role")), rows.getString("tenant_id"),
                new DataSubject(DataSubject.Kind.valueOf(rows.getString("data_subject_kind")),
                        rows.getLong("data_subject_id")),
                texts(rows.getArray("fields")), texts(rows.getArray("masked_fields")), rows.getString("operation"));
    }

    private static List<String> texts(Array array) throws SQLException {
        return Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
    }

    private static void setInstant(PreparedStatement statement, int index, @Nullable Instant at) throws SQLException {
        statement.setObject(index, at == null ? null : at.atOffset(ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE);
    }

    /** Where a page ends: the last row's time and id. */
    public record Position(Instant at, long id) {
    }
}
