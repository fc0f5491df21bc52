package org.smartcare.graphql.wiring;

import graphql.schema.DataFetchingEnvironment;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.smartcare.graphql.ApiError;
import org.smartcare.graphql.Arguments;
import org.smartcare.graphql.FetcherRegistry;
import org.smartcare.graphql.GlobalId;
import org.smartcare.graphql.Paging;
import org.smartcare.graphql.RequestContext;
import org.smartcare.graphql.Scopes;
import org.smartcare.graphql.WiringContribution;
import org.smartcare.security.DataSubject;
import org.smartcare.security.PersonalDataRead;
import org.smartcare.security.PersonalDataReads;
import org.smartcare.security.ReadFilter;
import org.smartcare.security.Role;

/** Query.personalDataReads: the audit trail of personal-data reads, for administrators. */
@Singleton
public class AuditWiring implements WiringContribution {

    static final String TYPE = "PersonalDataRead";
    /** The GraphQL type whose global ids name each kind of person, and the filter field taking one. */
    private static final Map<DataSubject.Kind, String> TYPES = Map.of(DataSubject.Kind.ELDER, CareWiring.ELDER,
            DataSubject.Kind.CHILD, "Child", DataSubject.Kind.CAREGIVER, OrderWiring.CAREGIVER);
    private static final Map<DataSubject.Kind, String> FILTER_FIELDS = Map.of(DataSubject.Kind.ELDER, "elderId",
            DataSubject.Kind.CHILD, "childId", DataSubject.Kind.CAREGIVER, "caregiverId");

    private final PersonalDataReads reads;

    AuditWiring(PersonalDataReads reads) {
        this.reads = reads;
    }

    @Override
    public void contribute(FetcherRegistry registry) {
        registry.field("Query", "personalDataReads", this::personalDataReads)
                .field(TYPE, "tenant", env -> env.<PersonalDataRead>getSource().tenantId())
                .field(TYPE, "dataSubjectKind", env -> env.<PersonalDataRead>getSource().dataSubject().kind())
                .field(TYPE, "dataSubjectId", env -> globalId(env.<PersonalDataRead>getSource().dataSubject()));
    }

    private Map<String, Object> personalDataReads(DataFetchingEnvironment env) {
        Scopes.requireRole(RequestContext.caller(env), Role.ADMIN);
        int first = Paging.first(env);
        String after = env.getArgument("after");
        List<PersonalDataRead> page = reads.page(filter(env.getArgument("filter")),
                after == null ? null : decode(after), first + 1);
        boolean more = page.size() > first;
        return Paging.connection(more ? page.subList(0, first) : page, more,
                read -> Paging.encodeCursor(read.at() + "|" + read.id()));
    }

    private static ReadFilter filter(Map<String, Object> input) {
        if (input == null) {
            return ReadFilter.ALL;
        }
        DataSubject person = person(input);
        Instant from = (Instant) input.get("from");
        Instant to = (Instant) input.get("to");
        if (from != null && to != null && !from.isBefore(to)) {
            throw ApiError.badInput("from must be before to");
        }
        return new ReadFilter(person, (String) input.get("subject"), from, to);
    }

    private static DataSubject person(Map<String, Object> input) {
        List<DataSubject> people = new ArrayList<>();
        for (DataSubject.Kind kind : DataSubject.Kind.values()) {
            Long id = Arguments.idOf(input.get(FILTER_FIELDS.get(kind)), TYPES.get(kind));
            if (id != null) {
                people.add(new DataSubject(kind, id));
            }
        }
        if (people.size() > 1) {
            throw ApiError.badInput("give at most one of elderId, childId and caregiverId");
        }
        return people.isEmpty() ? null : people.getFirst();
    }

    private static PersonalDataReads.Position decode(String cursor) {
        String[] parts = Paging.decodeCursor(cursor).split("\\|");
        try {
            return new PersonalDataReads.Position(Instant.parse(parts[0]), Long.parseLong(parts[1]));
        } catch (RuntimeException e) {
            throw ApiError.badInput("invalid cursor");
        }
    }

    private static String globalId(DataSubject person) {
        return GlobalId.encode(TYPES.get(person.kind()), person.id());
    }
}
