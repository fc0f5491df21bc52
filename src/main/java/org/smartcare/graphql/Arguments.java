package org.smartcare.graphql;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

/** Reading GraphQL input values: typed global ids and enum lists. */
public final class Arguments {

    private Arguments() {
    }

    /** The numeric key of a global id of the given type, null for null; a wrong type is bad input. */
    public static Long idOf(Object value, String type) {
        if (value == null) {
            return null;
        }
        GlobalId id = GlobalId.decode(value.toString());
        if (!id.type().equals(type)) {
            throw ApiError.badInput("expected a " + type + " id");
        }
        return id.longKey();
    }

    /** The enum constants named in a list value (empty for null). */
    public static <E extends Enum<E>> Set<E> enums(Object values, Class<E> type) {
        EnumSet<E> set = EnumSet.noneOf(type);
        if (values instanceof Collection<?> names) {
            names.forEach(name -> set.add(Enum.valueOf(type, name.toString())));
        }
        return set;
    }
}
