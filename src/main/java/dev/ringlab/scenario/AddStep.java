package dev.ringlab.scenario;

import dev.ringlab.cluster.Cluster;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code add} step as a file writes it, in the shapes of the classic {@code /add}: {@code add: 2}
 * (generated names, Server 4 and Server 5), {@code add: S5} or {@code add: [S5, S6]} (names of one's own),
 * and {@code add: {servers: [S5], count: 2, weights: [3, 1]}} (count: how many join, the named first,
 * then generated ones; weights: one per server in that order, 1 past the list's end).
 */
final class AddStep {

    private AddStep() {
    }

    static Action.Add read(Fields.Where where, YamlNode value, PlannedCluster planned) {
        if (value instanceof YamlNode.Scalar scalar && scalar.value() instanceof Long) {
            int count = Fields.integer(where, value, "add", 1, Math.max(1, planned.room()));
            return planned(where, value, new Action.Add(count), planned);
        }
        if (!(value instanceof YamlNode.Mapping)) {
            List<String> names = names(where, value, planned);
            return planned(where, value, new Action.Add(names.size(), names, List.of()), planned);
        }
        Fields fields = Fields.of(where, value, "the add").allow(Set.of("servers", "count", "weights"));
        List<String> names = fields.has("servers") ? names(where, fields.node("servers"), planned) : List.of();
        int count = fields.integer("count", Math.max(1, names.size()), 1, Math.max(1, planned.room()));
        if (count < names.size()) {
            throw where.error(fields.lineOf("count"), "'count' is how many servers join, the " + names.size()
                    + " named ones included: at least " + names.size() + ", got " + count);
        }
        List<Integer> weights = new ArrayList<>();
        if (fields.has("weights")) {
            YamlNode node = fields.node("weights");
            List<YamlNode> items = node instanceof YamlNode.Sequence sequence ? sequence.items() : List.of(node);
            if (items.size() > count) {
                throw where.error(node.line(), items.size() + " weights for " + count
                        + " new servers: at most one weight per server");
            }
            for (YamlNode item : items) {
                weights.add(Fields.integer(where, item, "weight", 1, Math.max(1, planned.room())));
            }
        }
        return planned(where, value, new Action.Add(count, names, weights), planned);
    }

    private static List<String> names(Fields.Where where, YamlNode value, PlannedCluster planned) {
        List<YamlNode> items = value instanceof YamlNode.Sequence sequence ? sequence.items() : List.of(value);
        Set<String> names = new LinkedHashSet<>();
        for (YamlNode item : items) {
            String name = Fields.text(where, item, "add");
            if (!Cluster.HOSTNAME.matcher(name).matches()) {
                throw where.error(item.line(), "invalid server name '" + name + "': use 1 to 63 letters, digits, '-', "
                        + "'_' or '.', starting with a letter or digit (a count, add: 2, gives generated names)");
            }
            if (planned.names.contains(name) || !names.add(name)) {
                throw where.error(item.line(), "'" + name + "' is already on the ring or listed twice ("
                        + planned.describe() + ")");
            }
        }
        if (names.isEmpty()) {
            throw where.error(value.line(), "'add' needs a count, a server's name or a list of names");
        }
        return List.copyOf(names);
    }

    /** Checks the room for the add and plans its servers, the named ones first, as the cluster starts them. */
    private static Action.Add planned(Fields.Where where, YamlNode value, Action.Add add, PlannedCluster planned) {
        int weight = add.totalWeight();
        if (weight > planned.room()) {
            throw where.error(value.line(), "no room for " + (weight == add.count() ? add.count() + " more server(s)"
                    : add.count() + " more server(s) of total weight " + weight) + ": " + planned.describe());
        }
        for (int i = 0; i < add.count(); i++) {
            planned.add(i < add.servers().size() ? add.servers().get(i) : null, add.weightOf(i));
        }
        return add;
    }
}
