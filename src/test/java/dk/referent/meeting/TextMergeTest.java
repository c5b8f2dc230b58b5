package dk.referent.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

class TextMergeTest {

    private static final String BASE = "Styregruppen godkendte indstillingen. Projektet forlænges til 2025. "
            + "Sekretariatet følger op på økonomien.";

    @Test
    void mergesEditsInDifferentSentences() {
        String edited = "Styregruppen godkendte indstillingen med bemærkninger. Projektet forlænges til 2025. "
                + "Sekretariatet følger op på økonomien.";
        String current = "Styregruppen godkendte indstillingen. Projektet forlænges til 2025. "
                + "Sekretariatet følger op på økonomien i juni.";

        assertThat(TextMerge.merge(BASE, edited, current)).contains(
                "Styregruppen godkendte indstillingen med bemærkninger. Projektet forlænges til 2025. "
                        + "Sekretariatet følger op på økonomien i juni.");
    }

    @Test
    void mergesEditsOfDifferentWordsInOneSentence() {
        assertThat(TextMerge.merge("Projektet forlænges til 2025 med 0,2 mio. kr.",
                "Projektet forlænges til 2026 med 0,2 mio. kr.",
                "Projektet forlænges til 2025 med 0,3 mio. kr."))
                .contains("Projektet forlænges til 2026 med 0,3 mio. kr.");
    }

    @Test
    void refusesDifferentEditsOfTheSameWords() {
        assertThat(TextMerge.merge(BASE,
                BASE.replace("forlænges til 2025", "forlænges til 2026"),
                BASE.replace("forlænges til 2025", "afsluttes i 2025"))).isEmpty();
    }

    @Test
    void refusesDifferentInsertionsAtTheSamePlace() {
        assertThat(TextMerge.merge("Godkendt.", "Godkendt med bemærkninger.", "Godkendt uden bemærkninger."))
                .isEmpty();
    }

    @Test
    void refusesEditOfTextTheOtherDeleted() {
        assertThat(TextMerge.merge(BASE,
                BASE.replace(" Projektet forlænges til 2025.", ""),
                BASE.replace("forlænges til 2025", "forlænges til 2026"))).isEmpty();
    }

    @Test
    void refusesDifferentEditsOfNeighbouringWords() {
        assertThat(TextMerge.merge("Projektet forlænges til 2025.", "Projektet forlænges til 2026.",
                "Projektet afsluttes i 2025.")).isEmpty();
    }

    @Test
    void identicalEditsMergeToThatEdit() {
        String both = BASE.replace("2025", "2026");
        assertThat(TextMerge.merge(BASE, both, both)).contains(both);
    }

    @Test
    void identicalEditBesideAnotherEditMerges() {
        String edited = BASE.replace("2025", "2026").replace("Styregruppen", "Klyngestyregruppen");
        String current = BASE.replace("2025", "2026");
        assertThat(TextMerge.merge(BASE, edited, current)).contains(edited);
    }

    @Test
    void unchangedSideTakesTheOtherEdit() {
        String edited = BASE.replace("økonomien", "budgettet");
        assertThat(TextMerge.merge(BASE, edited, BASE)).contains(edited);
        assertThat(TextMerge.merge(BASE, BASE, edited)).contains(edited);
    }

    @Test
    void danishLettersAreLettersOfTheirWords() {
        // "ø" must not split "økonomien" into separate tokens, or these edits would seem to overlap less than
        // they do: changing "økonomien" on both sides is a conflict, changing neighbouring words is not
        assertThat(TextMerge.tokens("Åse følger op på økonomien")).containsExactly(
                "Åse", " ", "følger", " ", "op", " ", "på", " ", "økonomien");
        assertThat(TextMerge.merge("Åse følger op på økonomien.", "Åse følger op på økonomistyringen.",
                "Åse følger op på økonomiopfølgningen.")).isEmpty();
        assertThat(TextMerge.merge("Æblet og pæren blev spist.", "Æblet og pæren blev ædt.",
                "Ølbrikken og pæren blev spist.")).contains("Ølbrikken og pæren blev ædt.");
    }

    @Test
    void mergesEditsInDifferentParagraphs() {
        String base = "Første afsnit.\n\nAndet afsnit.\r\n";
        assertThat(TextMerge.merge(base, "Første afsnit er ændret.\n\nAndet afsnit.\r\n",
                "Første afsnit.\n\nAndet afsnit, også ændret.\r\n"))
                .contains("Første afsnit er ændret.\n\nAndet afsnit, også ændret.\r\n");
    }

    @Test
    void mergesIntoAnEmptyBaseOnlyWhenOneSideIsEmpty() {
        assertThat(TextMerge.merge("", "Godkendt.", "")).contains("Godkendt.");
        assertThat(TextMerge.merge("", "Godkendt.", "Afvist.")).isEmpty();
    }

    @Test
    @Timeout(5)
    void longTextsRewrittenOnBothSidesConflictWithoutDiffingForSeconds() {
        StringBuilder base = new StringBuilder();
        StringBuilder edited = new StringBuilder();
        for (int i = 0; base.length() < 100_000; i++) {
            base.append("ord").append(i).append(' ');
            edited.append("tekst").append(i).append(' ');
        }
        String current = base + "Tilføjet til sidst.";
        assertThat(TextMerge.merge(base.toString(), edited.toString(), current)).isEmpty();
    }

    @Test
    void smallEditsOfLongTextsMerge() {
        String base = "Sagsfremstilling. ".repeat(5_000);
        assertThat(TextMerge.merge(base, "Indledning. " + base, base + "Afslutning."))
                .contains("Indledning. " + base + "Afslutning.");
    }

    @Property
    void tokensMakeUpTheWholeText(@ForAll String text) {
        assertThat(String.join("", TextMerge.tokens(text))).isEqualTo(text);
    }

    @Property
    void anEditMergedWithItselfOrWithNothingIsThatEdit(@ForAll String base, @ForAll String edited) {
        assertThat(TextMerge.merge(base, edited, base)).contains(edited);
        assertThat(TextMerge.merge(base, base, edited)).contains(edited);
        assertThat(TextMerge.merge(base, edited, edited)).contains(edited);
    }

    @Property
    void nonOverlappingEditsAtBothEndsMerge(@ForAll String middle) {
        String base = "Start og " + middle + " også slut";
        String edited = "Begyndelse og " + middle + " også slut";
        String current = "Start og " + middle + " også afslutning";
        // the middle may itself contain "Start"/"slut" fragments; a merge must still contain both edits
        assertThat(TextMerge.merge(base, edited, current)).hasValueSatisfying(merged -> {
            assertThat(merged).startsWith("Begyndelse ");
            assertThat(merged).endsWith(" afslutning");
        });
    }
}
