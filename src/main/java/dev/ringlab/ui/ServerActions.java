package dev.ringlab.ui;

/**
 * Which of the servers panel's buttons apply to a row, and in a line why not for those that do not:
 * the cluster's own rules (only a server on the ring can be frozen, slowed or thawed; a frozen one must
 * be thawed before it is slowed), so the window never offers what the cluster would refuse. A reason
 * is null when the button applies.
 */
public record ServerActions(String kill, String freeze, String thaw, String slow, String clear) {

    /** No row selected: every button stays on, and a click says how to select a server. */
    public static final ServerActions ANY = new ServerActions(null, null, null, null, null);

    public static ServerActions of(ServerRow row) {
        if (row == null) {
            return ANY;
        }
        String name = row.name();
        String offRing = switch (row.state()) {
            case "up" -> null;
            case "starting" -> name + " is starting: faults apply once it is on the ring";
            case "replacing" -> name + " is dead and being replaced: it is off the ring";
            default -> name + " is " + row.state() + ": it is off the ring";
        };
        String kill = switch (row.state()) {
            case "dead" -> name + " is already dead";
            case "replacing" -> name + " is already dead and being replaced";
            default -> null;
        };
        if (offRing != null) {
            return new ServerActions(kill, offRing, offRing, offRing, offRing);
        }
        return new ServerActions(kill,
                row.frozen() ? name + " is already frozen" : null,
                row.frozen() ? null : name + " is not frozen",
                row.frozen() ? name + " is frozen: thaw it before slowing it" : null,
                row.faulted() ? null : name + " has no fault to clear");
    }
}
