package dev.ringlab.ui;

/** The four classic analyses, as the experiments panel offers them. */
enum ExperimentKind {
    A1("A-1", "A-1: load over N servers",
            "Sends the requests to N servers and counts how many each answered: with the assignment hash one "
                    + "server takes most of them, because its virtual nodes sit side by side."),
    A2("A-2", "A-2: load against N",
            "Grows the ring from the first N to the last, one server at a time, and sends the same requests at "
                    + "each N: the mean load per server and its spread."),
    A3("A-3", "A-3: kill a server and recover",
            "Sends a paced stream to N servers, kills the second one after a second, and shows when the health "
                    + "monitor noticed, when the replacement joined, and the requests per second and errors across it."),
    A4("A-4", "A-4: the other hash",
            "A-1 and A-2 again under each hash function on the same keys, side by side.");

    private final String code;
    private final String title;
    private final String description;

    ExperimentKind(String code, String title, String description) {
        this.code = code;
        this.title = title;
        this.description = description;
    }

    String code() {
        return code;
    }

    String description() {
        return description;
    }

    /** Whether the run takes an N range and a single N. */
    boolean usesRange() {
        return this == A2 || this == A4;
    }

    boolean usesServers() {
        return this != A2;
    }

    @Override
    public String toString() {
        return title;
    }
}
