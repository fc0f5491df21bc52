package org.smartcare.graphql;

import graphql.schema.DataFetcher;
import jakarta.inject.Singleton;
import java.util.function.Function;
import org.smartcare.security.Caller;
import org.smartcare.security.PersonalField;
import org.smartcare.security.PrivacyPolicy;

/** Wraps the fetchers of personal fields so that the privacy policy, and only it, decides what is shown. */
@Singleton
public class PersonalData {

    private final PrivacyPolicy policy;

    PersonalData(PrivacyPolicy policy) {
        this.policy = policy;
    }

    /** A string field masked by the policy's own rule for the field. */
    public DataFetcher<Object> mask(PersonalField field, Function<Object, String> value) {
        return env -> policy.show(RequestContext.caller(env), field, value.apply(env.getSource()));
    }

    /** A field shown in full to roles the policy allows, and replaced by {@code reduced} for the rest. */
    public <S> DataFetcher<Object> reduce(PersonalField field, Function<S, Object> full, Function<S, Object> reduced) {
        return env -> {
            Caller caller = RequestContext.caller(env);
            S source = env.getSource();
            return policy.seesClear(caller, field) ? full.apply(source) : reduced.apply(source);
        };
    }

    /** A field shown only to roles the policy allows (null for the rest). */
    public DataFetcher<Object> guard(PersonalField field, DataFetcher<?> fetcher) {
        return env -> policy.seesClear(RequestContext.caller(env), field) ? fetcher.get(env) : null;
    }
}
