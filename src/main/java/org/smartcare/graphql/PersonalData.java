package org.smartcare.graphql;

import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLNamedType;
import jakarta.inject.Singleton;
import java.util.function.Function;
import org.smartcare.security.Caller;
import org.smartcare.security.DataSubject;
import org.smartcare.security.PersonalField;
import org.smartcare.security.PrivacyPolicy;

/**
 * Wraps the fetchers of personal fields so that the privacy policy, and only it, decides what is shown,
 * and notes every value shown (in clear or masked) in the request's read log for the audit trail.
 */
@Singleton
public class PersonalData {

    private final PrivacyPolicy policy;

    PersonalData(PrivacyPolicy policy) {
        this.policy = policy;
    }

    /** Whose data a field of the current source holds; null when it belongs to nobody in the registry. */
    @FunctionalInterface
    public interface Owner {

        DataSubject of(DataFetchingEnvironment env);

        static <S> Owner elder(Function<S, Long> elderId) {
            return env -> {
                Long id = elderId.apply(env.getSource());
                return id == null ? null : DataSubject.elder(id);
            };
        }

        static <S> Owner caregiver(Function<S, Long> caregiverId) {
            return env -> {
                Long id = caregiverId.apply(env.getSource());
                return id == null ? null : DataSubject.caregiver(id);
            };
        }
    }

    /** A string field masked by the policy's own rule for the field. */
    public <S> DataFetcher<Object> mask(PersonalField field, Function<S, String> value, Owner owner) {
        return env -> {
            Caller caller = RequestContext.caller(env);
            String shown = policy.show(caller, field, value.apply(env.getSource()));
            if (shown != null) {
                note(env, owner, !policy.seesClear(caller, field));
            }
            return shown;
        };
    }

    /** A field shown in full to roles the policy allows, and replaced by {@code reduced} for the rest. */
    public <S> DataFetcher<Object> reduce(PersonalField field, Function<S, Object> full, Function<S, Object> reduced,
                                          Owner owner) {
        return env -> {
            boolean clear = policy.seesClear(RequestContext.caller(env), field);
            S source = env.getSource();
            Object shown = clear ? full.apply(source) : reduced.apply(source);
            if (shown != null) {
                note(env, owner, !clear);
            }
            return shown;
        };
    }

    /** A field shown only to roles the policy allows (null, and nothing read, for the rest). */
    public DataFetcher<Object> guard(PersonalField field, DataFetcher<?> fetcher, Owner owner) {
        return env -> {
            if (!policy.seesClear(RequestContext.caller(env), field)) {
                return null;
            }
            note(env, owner, false);
            return fetcher.get(env);
        };
    }

    private static void note(DataFetchingEnvironment env, Owner owner, boolean masked) {
        DataSubject person = owner.of(env);
        if (person != null) {
            String coordinate = ((GraphQLNamedType) env.getParentType()).getName() + "." + env.getField().getName();
            RequestContext.of(env).reads().note(person, coordinate, masked);
        }
    }
}
