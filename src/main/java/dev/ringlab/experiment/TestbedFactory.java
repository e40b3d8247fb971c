package dev.ringlab.experiment;

import dev.ringlab.ring.RingConfig;

/** Opens a fresh testbed with {@code servers} servers on a ring shaped like {@code ring}. */
@FunctionalInterface
public interface TestbedFactory {

    /**
     * @throws TestbedException when the testbed cannot be brought up (the message is for the user)
     */
    Testbed open(RingConfig ring, int servers);
}
