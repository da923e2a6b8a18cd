package org.lodestar.planning.compliance;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/** Where things stand in a JSON file, read in a second pass since binding a record keeps no lines. */
public final class JsonLines {

    private JsonLines() {}

    /** The line each object of the top-level object's array {@code field} starts on, in order. */
    public static List<Integer> ofArray(JsonMapper mapper, byte[] json, String field) {
        List<Integer> lines = new ArrayList<>();
        try (JsonParser parser = mapper.createParser(json)) {
            int depth = 0;
            int arrayDepth = -1;
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token.isStructStart()) {
                    depth++;
                    if (token == JsonToken.START_ARRAY && depth == 2 && field.equals(parser.currentName())) {
                        arrayDepth = depth;
                    } else if (token == JsonToken.START_OBJECT && depth == arrayDepth + 1) {
                        lines.add(parser.currentTokenLocation().getLineNr());
                    }
                } else if (token.isStructEnd()) {
                    if (depth == arrayDepth) {
                        arrayDepth = -1;
                    }
                    depth--;
                }
            }
        }
        return lines;
    }
}
