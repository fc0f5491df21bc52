package org.smartcare.graphql;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** DateTime: RFC 3339 with offset on input; UTC instants on output. */
final class InstantScalar {

    static final GraphQLScalarType DATE_TIME = GraphQLScalarType.newScalar()
            .name("DateTime")
            .description("An RFC 3339 timestamp with offset")
            .coercing(new Coercing<Instant, String>() {
                @Override
                public String serialize(Object value, GraphQLContext context, Locale locale) {
                    if (value instanceof Instant instant) {
                        return instant.toString();
                    }
                    if (value instanceof OffsetDateTime time) {
                        return time.toInstant().toString();
                    }
                    throw new CoercingSerializeException("not a timestamp: " + value);
                }

                @Override
                public Instant parseValue(Object input, GraphQLContext context, Locale locale) {
                    if (input instanceof String text) {
                        try {
                            return parse(text);
                        } catch (DateTimeParseException e) {
                            throw new CoercingParseValueException("DateTime must be RFC 3339 with offset: " + text);
                        }
                    }
                    throw new CoercingParseValueException("DateTime must be a string");
                }

                @Override
                public Instant parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context,
                                            Locale locale) {
                    if (input instanceof StringValue text) {
                        try {
                            return parse(text.getValue());
                        } catch (DateTimeParseException e) {
                            throw new CoercingParseLiteralException("DateTime must be RFC 3339 with offset: "
                                    + text.getValue());
                        }
                    }
                    throw new CoercingParseLiteralException("DateTime must be a string");
                }
            })
            .build();

    private InstantScalar() {
    }

    private static Instant parse(String text) {
        return OffsetDateTime.parse(text).toInstant();
    }
}
