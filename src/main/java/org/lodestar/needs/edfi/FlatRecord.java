package org.lodestar.needs.edfi;

import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * One record of an interchange (a child of the root) flattened to (path, text) pairs, paths made of local names
 * relative to the record, e.g. {@code StudentReference/StudentIdentity/StudentUniqueId}. Only one record is held at a
 * time.
 */
final class FlatRecord {

    private static final int MAX_ENTRIES = 10_000;
    private static final int MAX_TEXT = 10_000;

    private final List<String> paths = new ArrayList<>();
    private final List<String> texts = new ArrayList<>();

    /** Reads the record the reader stands on (a START_ELEMENT) up to its END_ELEMENT. */
    static FlatRecord read(XMLStreamReader xml, String file) throws XMLStreamException {
        FlatRecord flat = new FlatRecord();
        List<String> path = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> {
                    path.add(xml.getLocalName());
                    text.setLength(0);
                    depth++;
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
                    if (text.length() < MAX_TEXT) {
                        text.append(xml.getText());
                    }
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    depth--;
                    if (depth > 0) {
                        String value = text.toString().strip();
                        if (!value.isEmpty()) {
                            if (flat.paths.size() >= MAX_ENTRIES) {
                                int line = xml.getLocation().getLineNumber();
                                throw new EdFiException(
                                        EdFiException.Kind.INVALID,
                                        file + ": a record at line " + line + " is too large",
                                        file,
                                        line,
                                        "record too large");
                            }
                            flat.paths.add(String.join("/", path));
                            flat.texts.add(value);
                        }
                        path.remove(path.size() - 1);
                        text.setLength(0);
                    }
                }
                case XMLStreamConstants.DTD, XMLStreamConstants.ENTITY_REFERENCE -> throw EdFiReader.dtd(file);
                default -> {
                    // comments, processing instructions, whitespace: nothing to keep
                }
            }
        }
        return flat;
    }

    /** The text at exactly this path, or null. */
    String first(String path) {
        int i = paths.indexOf(path);
        return i < 0 ? null : texts.get(i);
    }

    /** Every text whose path is {@code name} or ends with {@code /name}. */
    List<String> ending(String name) {
        List<String> found = new ArrayList<>();
        for (int i = 0; i < paths.size(); i++) {
            String p = paths.get(i);
            if (p.equals(name) || p.endsWith("/" + name)) {
                found.add(texts.get(i));
            }
        }
        return found;
    }

    /** The code value of a descriptor URI ({@code uri://ed-fi.org/SexDescriptor#Female} gives {@code Female}). */
    static String code(String descriptor) {
        if (descriptor == null) {
            return null;
        }
        int hash = descriptor.lastIndexOf('#');
        return hash < 0 ? descriptor : descriptor.substring(hash + 1);
    }
}
