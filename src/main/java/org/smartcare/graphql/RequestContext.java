package org.smartcare.graphql;

import graphql.schema.DataFetchingEnvironment;
import java.util.concurrent.CompletableFuture;
import org.dataloader.DataLoader;
import org.dataloader.DataLoaderRegistry;
import org.smartcare.security.Caller;
import org.smartcare.security.ReadLog;

/**
 * What every fetcher of one operation shares: the caller, the operation's data loaders, the log of
 * personal data it has shown (audited when the operation, or a subscription event, completes) and the
 * elders the caller may read (for family members and partners).
 */
public record RequestContext(Caller caller, DataLoaderRegistry loaders, boolean subscription, ReadLog reads,
                             ElderAccess access) {

    static final String KEY = RequestContext.class.getName();

    public static RequestContext of(DataFetchingEnvironment env) {
        return env.getGraphQlContext().get(KEY);
    }

    public static Caller caller(DataFetchingEnvironment env) {
        return of(env).caller();
    }

    /**
     * Loads through the named batch loader. Subscription events are executed one by one outside the
     * per-level dispatch, so there the loader is dispatched at once.
     */
    public static <K, V> CompletableFuture<V> load(DataFetchingEnvironment env, String loader, K key) {
        if (key == null) {
            return CompletableFuture.completedFuture(null);
        }
        RequestContext context = of(env);
        DataLoader<K, V> dataLoader = context.loaders().getDataLoader(loader);
        CompletableFuture<V> value = dataLoader.load(key);
        if (context.subscription()) {
            dataLoader.dispatch();
        }
        return value;
    }
}
