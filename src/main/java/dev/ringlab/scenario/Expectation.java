package dev.ringlab.scenario;

import java.util.Locale;

/**
 * One checked expectation of a step, as a lesson writes it: {@code failed: 0} (equal) or
 * {@code busiest_over_mean: "< 1.3"} (a comparison).
 *
 * @param metric   the measured figure's name, e.g. {@code failed}
 * @param operator one of {@code ==, !=, <, <=, >, >=}
 * @param value    the figure it is compared with
 * @param line     where the file says it
 */
public record Expectation(String metric, String operator, double value, int line) {

    static final java.util.List<String> OPERATORS = java.util.List.of("<=", ">=", "==", "!=", "<", ">");

    /** Whether {@code actual} meets it; exact comparisons allow for the rounding of decimal figures. */
    public boolean holds(double actual) {
        double tolerance = 1e-9 * Math.max(1, Math.abs(value));
        return switch (operator) {
            case "==" -> Math.abs(actual - value) <= tolerance;
            case "!=" -> Math.abs(actual - value) > tolerance;
            case "<" -> actual < value;
            case "<=" -> actual <= value + tolerance;
            case ">" -> actual > value;
            default -> actual >= value - tolerance;
        };
    }

    /** As the file says it: {@code failed == 0}. */
    public String text() {
        return metric + " " + operator + " " + Figures.number(value);
    }

    /** Reads {@code 0}, {@code "< 1.3"}, {@code ">= 9000"}; anything else is refused at its line. */
    static Expectation parse(Fields.Where where, String metric, YamlNode node) {
        if (node instanceof YamlNode.Scalar scalar && scalar.value() instanceof Number number) {
            return new Expectation(metric, "==", number.doubleValue(), node.line());
        }
        if (node instanceof YamlNode.Scalar scalar && scalar.value() instanceof String text) {
            String trimmed = text.trim();
            for (String operator : OPERATORS) {
                if (trimmed.startsWith(operator)) {
                    String rest = trimmed.substring(operator.length()).trim().replace(",", "").replace("_", "");
                    try {
                        return new Expectation(metric, operator, Double.parseDouble(rest), node.line());
                    } catch (NumberFormatException notNumber) {
                        break;
                    }
                }
            }
        }
        throw where.error(node.line(), "expectation '" + metric + "' must be a number or a comparison like \"< 1.3\" "
                + "or \">= 9000\" (operators: " + String.join(" ", OPERATORS).toLowerCase(Locale.ROOT) + "), got "
                + node.kind());
    }
}
