package org.smartcare.graphql;

/** One feature's part of the schema wiring. */
public interface WiringContribution {

    void contribute(FetcherRegistry registry);
}
