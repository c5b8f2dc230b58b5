package dk.referent.minutes;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import dk.referent.meeting.api.Attachment;
import dk.referent.meeting.api.ItemKind;
import dk.referent.meeting.api.Outcome;
import dk.referent.meeting.api.Visibility;

/**
 * The minutes as a document, in the layout of the seed minutes: participants by organisation, afbud, then
 * "Punkt N: titel" with Indstilling, Sagsfremstilling, Økonomi, Bilag and Beslutning. Markdown is the approved
 * form (its SHA-256 is what approval stores); HTML is the same content for the browser and print.
 * <p>
 * Only the record goes in: no version, no status and no action status, so that follow-up that is not a
 * correction (an action done, the approval itself) leaves the approved digest intact.
 */
public final class MinutesDocument {

    private static final Locale DA = Locale.forLanguageTag("da-DK");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d. MMMM yyyy", DA);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH.mm", DA);

    private MinutesDocument() {
    }

    public static String sha256(String document) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(document.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------- Markdown

    public static String markdown(MinutesView m) {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(mdInline(m.title())).append("\n\n");
        md.append("**").append(mdInline(m.committee().name())).append("**  \n");
        md.append(when(m.startsAt(), m.endsAt())).append("  \n");
        if (m.location() != null && !m.location().isBlank()) {
            md.append("Sted: ").append(mdInline(m.location())).append("  \n");
        }
        md.append("Mødeform: ").append(mode(m)).append("\n\n");

        md.append("## Mødedeltagere\n\n");
        byOrganisation(m).forEach((org, people) -> {
            md.append("### ").append(mdInline(org)).append("\n\n");
            for (MinutesView.Participant p : people) {
                md.append("- ").append(mdInline(person(p))).append(attendanceNote(p)).append("\n");
            }
            md.append("\n");
        });
        List<MinutesView.Participant> apologies = m.participants().stream()
                .filter(p -> MinutesProjection.APOLOGY.equals(p.attendance())).toList();
        md.append("### Afbud\n\n");
        if (apologies.isEmpty()) {
            md.append("Ingen afbud.\n\n");
        } else {
            apologies.forEach(p -> md.append("- ").append(mdInline(p.name())).append("\n"));
            md.append("\n");
        }

        for (MinutesView.Item i : m.items()) {
            md.append("## Punkt ").append(i.number()).append(": ").append(mdInline(i.title()));
            if (i.timeSlot() != null && !i.timeSlot().isBlank()) {
                md.append(" (").append(mdInline(i.timeSlot())).append(")");
            }
            md.append("\n\n");
            md.append("*").append(kind(i.kind()));
            if (i.visibility() == Visibility.CLOSED) {
                md.append(", lukket punkt");
            }
            if (i.presenter() != null && !i.presenter().isBlank()) {
                md.append(", ved ").append(mdInline(i.presenter()));
            }
            md.append("*\n\n");
            if (!i.recommendations().isEmpty()) {
                md.append("### Indstilling\n\n");
                i.recommendations().forEach(r -> md.append("- ").append(mdInline(r)).append("\n"));
                md.append("\n");
            }
            if (i.caseDescription() != null && !i.caseDescription().isBlank()) {
                md.append("### Sagsfremstilling\n\n").append(mdBlock(i.caseDescription())).append("\n\n");
            }
            if (i.economy() != null && !i.economy().isBlank()) {
                md.append("### Økonomi\n\n").append(mdBlock(i.economy())).append("\n\n");
            }
            if (!i.attachments().isEmpty()) {
                md.append("### Bilag\n\n");
                for (Attachment a : i.attachments()) {
                    md.append("- ").append(mdInline(a.title()));
                    if (safeUrl(a.url())) {
                        md.append(" <").append(a.url().replace(">", "%3E").replace(" ", "%20")).append(">");
                    } else if (a.url() != null && !a.url().isBlank()) {
                        // not a link: a Markdown renderer would make <javascript:…> clickable
                        md.append(" (").append(mdInline(a.url())).append(")");
                    }
                    md.append("\n");
                }
                md.append("\n");
            }
            if (!i.guests().isEmpty()) {
                md.append("### Gæster\n\n");
                i.guests().forEach(g -> md.append("- ").append(mdInline(guest(g))).append("\n"));
                md.append("\n");
            }
            md.append("### Beslutning for Punkt ").append(i.number()).append(": ").append(mdInline(i.title()))
                    .append("\n\n");
            if (i.decision() == null) {
                md.append("Ingen beslutning.\n\n");
            } else {
                md.append(mdBlock(i.decision().text())).append("\n\n");
                md.append("*").append(outcome(i.decision().outcome())).append("*");
                if (i.decision().correction()) {
                    md.append(" (rettet efter godkendelse: ").append(mdInline(i.decision().reason())).append(")");
                }
                md.append("\n\n");
            }
            if (!i.actions().isEmpty()) {
                md.append("### Opfølgning\n\n");
                for (MinutesView.Action a : i.actions()) {
                    md.append("- ").append(mdInline(a.description())).append(" — ").append(mdInline(a.owner()));
                    if (a.due() != null) {
                        md.append(", senest ").append(DATE.format(a.due()));
                    }
                    md.append("\n");
                }
                md.append("\n");
            }
            if (!i.budgets().isEmpty()) {
                md.append("### Bevillinger\n\n");
                i.budgets().forEach(b -> md.append("- ").append(mdInline(b.project())).append(": ")
                        .append(kroner(b.total())).append("\n"));
                md.append("\n");
            }
        }
        return md.toString();
    }

    /** Escapes what Markdown would read as markup (and any HTML) in one line of user text. */
    static String mdInline(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (char c : s.replace('\r', ' ').replace('\n', ' ').toCharArray()) {
            switch (c) {
                case '\\', '`', '*', '_', '[', ']', '#', '|', '>', '~' ->
                        out.append('\\').append(c);
                case '<' -> out.append("&lt;");
                case '&' -> out.append("&amp;");
                default -> out.append(Character.isISOControl(c) ? ' ' : c);
            }
        }
        return out.toString();
    }

    /** A paragraph block of user text: line breaks kept, every line escaped, no line can start a heading. */
    static String mdBlock(String s) {
        return s.lines().map(l -> l.isBlank() ? "" : mdInline(l.strip()).replaceFirst("^(\\d+)\\.", "$1\\\\.")
                        .replaceFirst("^([+=-])", "\\\\$1"))
                .collect(Collectors.joining("\n"));
    }

    // ---------------------------------------------------------------- HTML

    public static String html(MinutesView m) {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"da\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(esc(m.title())).append("</title>\n<style>")
                .append("body{font-family:system-ui,sans-serif;max-width:50rem;margin:2rem auto;line-height:1.45;")
                .append("color:#1a1a1a;padding:0 1rem}h2{border-top:1px solid #ccc;padding-top:1rem}")
                .append(".meta{color:#444}.closed{color:#8a1c1c}.decision{background:#f3f6fa;padding:.5rem 1rem;")
                .append("border-left:4px solid #2a5b8c}@media print{h2{break-after:avoid}}</style>\n</head>\n<body>\n");
        h.append("<h1>").append(esc(m.title())).append("</h1>\n<p class=\"meta\"><strong>")
                .append(esc(m.committee().name())).append("</strong><br>").append(esc(when(m.startsAt(), m.endsAt())));
        if (m.location() != null && !m.location().isBlank()) {
            h.append("<br>Sted: ").append(esc(m.location()));
        }
        h.append("<br>Mødeform: ").append(esc(mode(m))).append("</p>\n");
        h.append("<h2>Mødedeltagere</h2>\n");
        byOrganisation(m).forEach((org, people) -> {
            h.append("<h3>").append(esc(org)).append("</h3>\n<ul>\n");
            people.forEach(p -> h.append("<li>").append(esc(person(p) + attendanceNote(p))).append("</li>\n"));
            h.append("</ul>\n");
        });
        h.append("<h3>Afbud</h3>\n<ul>\n");
        m.participants().stream().filter(p -> MinutesProjection.APOLOGY.equals(p.attendance()))
                .forEach(p -> h.append("<li>").append(esc(p.name())).append("</li>\n"));
        h.append("</ul>\n");
        for (MinutesView.Item i : m.items()) {
            h.append("<section id=\"punkt-").append(i.number()).append("\">\n<h2>Punkt ").append(i.number())
                    .append(": ").append(esc(i.title()));
            if (i.timeSlot() != null && !i.timeSlot().isBlank()) {
                h.append(" (").append(esc(i.timeSlot())).append(")");
            }
            h.append("</h2>\n<p class=\"meta\"><em>").append(esc(kind(i.kind()))).append("</em>");
            if (i.visibility() == Visibility.CLOSED) {
                h.append(" <span class=\"closed\">Lukket punkt</span>");
            }
            if (i.presenter() != null && !i.presenter().isBlank()) {
                h.append(" · ved ").append(esc(i.presenter()));
            }
            h.append("</p>\n");
            if (!i.recommendations().isEmpty()) {
                h.append("<h3>Indstilling</h3>\n<ul>\n");
                i.recommendations().forEach(r -> h.append("<li>").append(esc(r)).append("</li>\n"));
                h.append("</ul>\n");
            }
            if (i.caseDescription() != null && !i.caseDescription().isBlank()) {
                h.append("<h3>Sagsfremstilling</h3>\n").append(paragraphs(i.caseDescription()));
            }
            if (i.economy() != null && !i.economy().isBlank()) {
                h.append("<h3>Økonomi</h3>\n").append(paragraphs(i.economy()));
            }
            if (!i.attachments().isEmpty()) {
                h.append("<h3>Bilag</h3>\n<ul>\n");
                for (Attachment a : i.attachments()) {
                    h.append("<li>");
                    if (safeUrl(a.url())) {
                        h.append("<a href=\"").append(esc(a.url())).append("\" rel=\"noopener noreferrer\">")
                                .append(esc(a.title())).append("</a>");
                    } else {
                        h.append(esc(a.title()));
                    }
                    h.append("</li>\n");
                }
                h.append("</ul>\n");
            }
            if (!i.guests().isEmpty()) {
                h.append("<h3>Gæster</h3>\n<ul>\n");
                i.guests().forEach(g -> h.append("<li>").append(esc(guest(g))).append("</li>\n"));
                h.append("</ul>\n");
            }
            h.append("<h3>Beslutning for Punkt ").append(i.number()).append(": ").append(esc(i.title()))
                    .append("</h3>\n<div class=\"decision\">");
            if (i.decision() == null) {
                h.append("<p>Ingen beslutning.</p>");
            } else {
                h.append(paragraphs(i.decision().text())).append("<p><em>").append(esc(outcome(i.decision().outcome())))
                        .append("</em>");
                if (i.decision().correction()) {
                    h.append(" (rettet efter godkendelse: ").append(esc(i.decision().reason())).append(")");
                }
                h.append("</p>");
            }
            h.append("</div>\n");
            if (!i.actions().isEmpty()) {
                h.append("<h3>Opfølgning</h3>\n<ul>\n");
                for (MinutesView.Action a : i.actions()) {
                    h.append("<li>").append(esc(a.description())).append(" — ").append(esc(a.owner()));
                    if (a.due() != null) {
                        h.append(", senest ").append(esc(DATE.format(a.due())));
                    }
                    h.append("</li>\n");
                }
                h.append("</ul>\n");
            }
            if (!i.budgets().isEmpty()) {
                h.append("<h3>Bevillinger</h3>\n<ul>\n");
                i.budgets().forEach(b -> h.append("<li>").append(esc(b.project())).append(": ")
                        .append(esc(kroner(b.total()))).append("</li>\n"));
                h.append("</ul>\n");
            }
            h.append("</section>\n");
        }
        h.append("</body>\n</html>\n");
        return h.toString();
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(Character.isISOControl(c) && c != '\n' && c != '\t' ? ' ' : c);
            }
        }
        return out.toString();
    }

    private static String paragraphs(String text) {
        StringBuilder h = new StringBuilder();
        for (String para : text.split("\\n\\s*\\n")) {
            if (!para.isBlank()) {
                h.append("<p>").append(esc(para.strip()).replace("\n", "<br>")).append("</p>\n");
            }
        }
        return h.toString();
    }

    private static boolean safeUrl(String url) {
        if (url == null) {
            return false;
        }
        String u = url.strip().toLowerCase(Locale.ROOT);
        return u.startsWith("https://") || u.startsWith("http://") || u.startsWith("/");
    }

    // ---------------------------------------------------------------- shared wording

    private static Map<String, List<MinutesView.Participant>> byOrganisation(MinutesView m) {
        Map<String, List<MinutesView.Participant>> result = new LinkedHashMap<>();
        for (MinutesView.Participant p : m.participants()) {
            result.computeIfAbsent(p.organisation() == null ? "Øvrige" : p.organisation(),
                    k -> new java.util.ArrayList<>()).add(p);
        }
        return result;
    }

    private static String person(MinutesView.Participant p) {
        String name = p.vacancy() ? "Vakance" : p.name();
        StringBuilder s = new StringBuilder(name);
        if (p.title() != null && !p.title().isBlank()) {
            s.append(", ").append(p.title());
        }
        switch (p.role()) {
            case "CHAIR" -> s.append(" (formand)");
            case "CO_CHAIR" -> s.append(" (medformand)");
            case "SECRETARIAT" -> s.append(" (sekretariat)");
            default -> {
            }
        }
        return s.toString();
    }

    private static String attendanceNote(MinutesView.Participant p) {
        String note = switch (p.attendance()) {
            case "VIRTUAL" -> " — deltog virtuelt";
            case "APOLOGY" -> " — afbud";
            case "ABSENT" -> " — fraværende";
            default -> "";
        };
        if (p.leftEarly() != null) {
            note += " — gik tidligt" + (p.leftEarly().isBlank() ? "" : " (" + p.leftEarly() + ")");
        }
        return note;
    }

    private static String guest(MinutesView.Guest g) {
        StringBuilder s = new StringBuilder(g.name());
        if (g.title() != null && !g.title().isBlank()) {
            s.append(", ").append(g.title());
        }
        if (g.organisation() != null && !g.organisation().isBlank()) {
            s.append(", ").append(g.organisation());
        }
        if ("VIRTUAL".equals(g.attendance())) {
            s.append(" — virtuel deltagelse");
        }
        return s.toString();
    }

    private static String when(OffsetDateTime start, OffsetDateTime end) {
        if (start == null) {
            return "";
        }
        String s = DATE.format(start) + ", kl. " + TIME.format(start);
        return end == null ? s : s + "–" + TIME.format(end);
    }

    private static String mode(MinutesView m) {
        return m.mode() == null ? "" : switch (m.mode()) {
            case IN_PERSON -> "fysisk møde";
            case VIRTUAL -> "virtuelt møde";
            case HYBRID -> "hybridmøde";
        };
    }

    static String kind(ItemKind kind) {
        return switch (kind) {
            case DECISION -> "Beslutningspunkt";
            case DISCUSSION -> "Drøftelsespunkt";
            case ORIENTATION -> "Orienteringspunkt";
        };
    }

    static String outcome(Outcome o) {
        return switch (o) {
            case APPROVED -> "Godkendt";
            case APPROVED_WITH_REMARKS -> "Godkendt med bemærkninger";
            case REJECTED -> "Ikke godkendt";
            case NOTED -> "Taget til efterretning";
            case POSTPONED -> "Udsat";
            case DISCUSSED -> "Drøftet";
        };
    }

    private static String kroner(String amount) {
        if (amount == null) {
            return "";
        }
        java.math.BigDecimal value = new java.math.BigDecimal(amount);
        java.text.NumberFormat nf = java.text.NumberFormat.getNumberInstance(DA);
        nf.setMinimumFractionDigits(value.stripTrailingZeros().scale() > 0 ? 2 : 0);
        nf.setMaximumFractionDigits(2);
        return nf.format(value) + " kr.";
    }
}
