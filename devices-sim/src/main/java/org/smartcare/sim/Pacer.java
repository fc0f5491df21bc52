package org.smartcare.sim;

/** Maps simulated time onto the wall clock: waits until a simulated moment is due. */
interface Pacer {

    /** Waits until {@code simMs} is due; false when the run must stop first. */
    boolean awaitSim(long simMs);

    /** The simulated time now. */
    long simNow();

    /** As fast as possible (tests): never waits, never stops. */
    static Pacer unpaced() {
        return new Pacer() {
            private long last;

            @Override
            public boolean awaitSim(long simMs) {
                last = simMs;
                return true;
            }

            @Override
            public long simNow() {
                return last;
            }
        };
    }
}
