package org.pallas.screening.importing;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.pallas.screening.EntryKind;
import org.pallas.screening.Identifier;
import org.pallas.screening.ImportReport;
import org.pallas.screening.ListEntry;
import org.pallas.screening.ListedName;
import org.pallas.screening.PartialDate;

/**
 * UN Security Council consolidated list XML, read with StAX one INDIVIDUAL/ENTITY at a time.
 * Alias quality "Low" is weak (exact match only); "Good", "a.k.a." and an empty quality are strong;
 * "f.k.a." is a strong former name. {@code NAME_ORIGINAL_SCRIPT} is kept in its script.
 */
final class UnConsolidatedParser implements ListParser {

    /** A small element tree for one record. */
    private record Node(String name, StringBuilder text, List<Node> children) {
        Stream<Node> all(String child) {
            return children.stream().filter(c -> c.name.equals(child));
        }

        String text(String child) {
            return all(child).findFirst().map(n -> n.text.toString().strip()).orElse("");
        }

        List<String> values(String child) {
            return all(child)
                    .flatMap(n -> n.children.isEmpty() ? Stream.of(n) : n.all("VALUE"))
                    .map(n -> n.text.toString().strip())
                    .filter(s -> !s.isEmpty())
                    .toList();
        }
    }

    @Override
    public void parse(List<NamedInput> files, ImportReport.Builder report, Consumer<ListEntry> sink)
            throws IOException {
        if (files.size() != 1) {
            throw new IllegalArgumentException("UN import takes one XML file");
        }
        NamedInput input = files.get(0);
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        try {
            XMLStreamReader xml = factory.createXMLStreamReader(input.in(), "UTF-8");
            while (xml.hasNext()) {
                if (xml.next() != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                String name = xml.getLocalName();
                if (name.equals("CONSOLIDATED_LIST")) {
                    String generated = xml.getAttributeValue(null, "dateGenerated");
                    if (generated != null && generated.length() >= 10) {
                        report.publishedOn(LocalDate.parse(generated.substring(0, 10)));
                    }
                } else if (name.equals("INDIVIDUAL") || name.equals("ENTITY")) {
                    long line = xml.getLocation().getLineNumber();
                    Node record = readNode(xml, name);
                    report.count("rows");
                    toEntry(record, input.name(), line, report, sink);
                }
            }
        } catch (XMLStreamException e) {
            long line = e.getLocation() == null ? -1 : e.getLocation().getLineNumber();
            throw new IOException(input.name() + ":" + line + ": not well-formed XML: " + e.getMessage(), e);
        }
    }

    private static Node readNode(XMLStreamReader xml, String name) throws XMLStreamException {
        Node node = new Node(name, new StringBuilder(), new ArrayList<>());
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                node.children.add(readNode(xml, xml.getLocalName()));
            } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                node.text.append(xml.getText());
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                return node;
            }
        }
        return node;
    }

    private static void toEntry(Node r, String file, long line, ImportReport.Builder report, Consumer<ListEntry> sink) {
        boolean person = r.name.equals("INDIVIDUAL");
        String reference = r.text("REFERENCE_NUMBER");
        String id = reference.isEmpty() ? r.text("DATAID") : reference;
        if (id.isEmpty()) {
            report.malformed(file, line, r.name + " has neither REFERENCE_NUMBER nor DATAID");
            return;
        }
        String primary = Stream.of("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME")
                .map(r::text)
                .filter(s -> !s.isEmpty())
                .collect(Collectors.joining(" "));
        if (primary.isEmpty()) {
            report.malformed(file, line, r.name + " " + id + " has no FIRST_NAME");
            return;
        }
        ListEntry.Builder b =
                ListEntry.builder(report.source(), id).kind(person ? EntryKind.PERSON : EntryKind.ORGANISATION);
        b.name(ListedName.strong(primary));
        r.all("NAME_ORIGINAL_SCRIPT")
                .map(n -> n.text.toString().strip())
                .filter(s -> !s.isEmpty())
                .forEach(s -> b.name(ListedName.strong(s)));
        r.all(person ? "INDIVIDUAL_ALIAS" : "ENTITY_ALIAS").forEach(alias -> {
            String aliasName = alias.text("ALIAS_NAME");
            if (aliasName.isEmpty()) {
                return;
            }
            String quality = alias.text("QUALITY").toLowerCase(Locale.ROOT);
            switch (quality) {
                case "low" -> b.name(ListedName.weak(aliasName));
                case "f.k.a." -> b.name(ListedName.former(aliasName));
                case "good", "a.k.a.", "" -> b.name(ListedName.strong(aliasName));
                default -> {
                    report.note("unknown alias quality '" + alias.text("QUALITY") + "' read as strong");
                    b.name(ListedName.strong(aliasName));
                }
            }
        });
        b.programme(r.text("UN_LIST_TYPE"));
        try {
            b.listedOn(ListDates.parseDay(r.text("LISTED_ON")));
        } catch (IllegalArgumentException e) {
            report.malformed(file, line, id + ": LISTED_ON " + e.getMessage());
        }
        for (String nationality : r.values("NATIONALITY")) {
            country(b, nationality, report);
        }
        r.all(person ? "INDIVIDUAL_ADDRESS" : "ENTITY_ADDRESS").forEach(a -> country(b, a.text("COUNTRY"), report));
        r.all("INDIVIDUAL_DATE_OF_BIRTH").forEach(d -> birthDates(b, d, id, report));
        r.all("INDIVIDUAL_DOCUMENT").forEach(d -> {
            String number = d.text("NUMBER");
            if (!number.isEmpty()) {
                String type = d.text("TYPE_OF_DOCUMENT");
                String issuer =
                        d.text("ISSUING_COUNTRY").isEmpty() ? d.text("COUNTRY_OF_ISSUE") : d.text("ISSUING_COUNTRY");
                b.identifier(new Identifier(type.isEmpty() ? "Document" : type, number, CountryCodes.resolve(issuer)));
            }
        });
        ListEntry entry = b.build();
        sink.accept(entry);
    }

    private static void country(ListEntry.Builder b, String name, ImportReport.Builder report) {
        if (name.isEmpty()) {
            return;
        }
        String code = CountryCodes.resolve(name);
        if (code == null) {
            report.note("unresolved country '" + name + "'");
        }
        b.country(code);
    }

    private static void birthDates(ListEntry.Builder b, Node d, String id, ImportReport.Builder report) {
        String date = d.text("DATE");
        String year = d.text("YEAR");
        String from = d.text("FROM_YEAR");
        String to = d.text("TO_YEAR");
        List<PartialDate> dates = new ArrayList<>();
        if (!date.isEmpty()) {
            dates.addAll(ListDates.parseBirthDates(date));
        } else if (!year.isEmpty()) {
            dates.addAll(ListDates.parseBirthDates(year));
        } else if (!from.isEmpty() && !to.isEmpty()) {
            dates.addAll(ListDates.parseBirthDates(from + " to " + to));
        }
        if (dates.isEmpty() && !(date + year + from + to).isEmpty()) {
            report.note(id + ": unreadable birth date '" + date + year + from + "-" + to + "'");
        }
        dates.forEach(b::birthDate);
    }
}
