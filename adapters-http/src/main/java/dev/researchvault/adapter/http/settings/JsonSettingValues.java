package dev.researchvault.adapter.http.settings;

import dev.researchvault.domain.RuleViolationException;
import dev.researchvault.domain.settings.JsonNesting;
import dev.researchvault.domain.settings.SettingValue;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Converts between JSON values of the API and {@link SettingValue}s. Incoming values keep the shape the
 * client sent (a string stays a string), so the domain can say precisely why a value does not fit.
 */
@Singleton
final class JsonSettingValues {

    private final JsonMapper json;

    JsonSettingValues(JsonMapper json) {
        this.json = json;
    }

    /**
     * @throws RuleViolationException {@code settings.invalid-value} when there is no value, or a number JSON cannot
     *         hold exactly; {@value JsonNesting#TOO_DEEP} for arrays and objects nested deeper than the domain allows
     */
    SettingValue fromJson(JsonNode node) {
        if (node == null || node.isNull()) {
            throw invalid("the value is missing; DELETE the setting to return it to its default");
        }
        if (node.isString()) {
            return new SettingValue.Text(node.getStringValue());
        }
        if (node.isBoolean()) {
            return new SettingValue.Flag(node.getBooleanValue());
        }
        if (node.isNumber()) {
            return number(node.getNumberValue());
        }
        // Checked before writing: the writer itself fails (a 500) on values nested more than ~65 levels.
        JsonNesting.requireAtMostMax(depthOf(node));
        return new SettingValue.Json(write(node));
    }

    JsonNode toJson(SettingValue value) {
        if (value instanceof SettingValue.Text text) {
            return JsonNode.createStringNode(text.value());
        }
        if (value instanceof SettingValue.Whole whole) {
            return JsonNode.createNumberNode(whole.value());
        }
        if (value instanceof SettingValue.Decimal decimal) {
            return JsonNode.createNumberNode(decimal.value());
        }
        if (value instanceof SettingValue.Flag flag) {
            return JsonNode.createBooleanNode(flag.value());
        }
        return read(value.toJson());
    }

    private static SettingValue number(Number number) {
        if (number instanceof Integer || number instanceof Long || number instanceof Short || number instanceof Byte) {
            return new SettingValue.Whole(number.longValue());
        }
        double decimal = number.doubleValue();
        if (!Double.isFinite(decimal)) {
            throw invalid("the value is too large a number");
        }
        return new SettingValue.Decimal(decimal);
    }

    /**
     * How deeply {@code node} nests arrays and objects, counted level by level rather than by recursion (a body
     * may be up to ~1000 levels deep); counting stops one level past the limit, which is enough to refuse.
     */
    private static int depthOf(JsonNode node) {
        int depth = 0;
        List<JsonNode> level = List.of(node);
        while (depth <= JsonNesting.MAX_DEPTH && level.stream().anyMatch(JsonNode::isContainerNode)) {
            List<JsonNode> children = new ArrayList<>();
            for (JsonNode member : level) {
                if (member.isContainerNode()) {
                    member.values().forEach(children::add);
                }
            }
            depth++;
            level = children;
        }
        return depth;
    }

    private String write(JsonNode node) {
        try {
            return json.writeValueAsString(node);
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
    }

    private JsonNode read(String text) {
        try {
            return json.readValue(text, Argument.of(JsonNode.class));
        } catch (IOException stored) {
            // Only JSON that was written by write() is stored, so this means a damaged vault row.
            throw new UncheckedIOException("a stored JSON setting cannot be read", stored);
        }
    }

    private static RuleViolationException invalid(String message) {
        return new RuleViolationException("settings.invalid-value", message);
    }
}
