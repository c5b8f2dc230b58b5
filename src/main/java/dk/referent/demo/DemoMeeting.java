package dk.referent.demo;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dk.referent.committee.api.AddMember;
import dk.referent.committee.api.CommitteeRole;
import dk.referent.committee.api.CreateCommittee;
import dk.referent.meeting.api.AddActionItem;
import dk.referent.meeting.api.AddAgendaItem;
import dk.referent.meeting.api.AgendaItemDetails;
import dk.referent.meeting.api.Attachment;
import dk.referent.meeting.api.CloseMeeting;
import dk.referent.meeting.api.InviteGuest;
import dk.referent.meeting.api.ItemKind;
import dk.referent.meeting.api.MeetingMode;
import dk.referent.meeting.api.Outcome;
import dk.referent.meeting.api.Presence;
import dk.referent.meeting.api.RecordAttendance;
import dk.referent.meeting.api.RecordDecision;
import dk.referent.meeting.api.RegisterApology;
import dk.referent.meeting.api.ScheduleMeeting;
import dk.referent.meeting.api.StartMeeting;
import dk.referent.meeting.api.Visibility;

/**
 * The demo committee and meeting: the real minutes of Midtklyngen's klyngestyregruppe, autumn 2024
 * (shared/seeds/000_e30cf9b4fd179d98.txt), transcribed with the Danish letters the PDF extraction lost, as the
 * commands that build them through the normal command bus.
 * <p>
 * What is not in the seed: the exact date (the seed gives none; 4 October 2024, 11.00–14.00, fits the agenda's time
 * slots) and the location (none is given, so it is left empty). No item is changed to an orientation item during
 * this meeting (the seed does not say so for any item), so no {@code EditAgendaItem} is sent. Punkt 7 (the lunch
 * break) has an empty "Beslutning" in the seed and gets no decision. The minutes are not approved, so the demo
 * stays editable.
 */
public final class DemoMeeting {

    public static final String COMMITTEE_ID = "midtklyngen";
    public static final String MEETING_ID = "midtklyngen-2024-10-04";

    public static final String COMMITTEE_NAME = "Klyngestyregruppen for Midtklyngen";
    public static final String MEETING_TITLE = "Møde i Klyngestyregruppen for Midtklyngen";
    public static final OffsetDateTime STARTS_AT = OffsetDateTime.parse("2024-10-04T11:00:00+02:00");
    public static final OffsetDateTime ENDS_AT = OffsetDateTime.parse("2024-10-04T14:00:00+02:00");

    static final String HE_MIDT = "Hospitalsenhed Midt";
    static final String PSYKIATRI = "Regionspsykiatri Midt";
    static final String PRAEHOSPITALET = "Præhospitalet";
    static final String SILKEBORG = "Silkeborg Kommune";
    static final String SKIVE = "Skive Kommune";
    static final String VIBORG = "Viborg Kommune";
    static final String ALMEN_PRAKSIS = "Almen praksis";
    static final String PATIENTER = "Patient- og pårørenderepræsentanter";

    private static final List<String> ORGANISATIONS =
            List.of(HE_MIDT, PSYKIATRI, PRAEHOSPITALET, SILKEBORG, SKIVE, VIBORG, ALMEN_PRAKSIS, PATIENTER);

    /** A seat in the committee as the seed lists it; {@code name} null is the vacancy. */
    record Member(String id, String name, String title, String organisation, CommitteeRole role) {
    }

    /** A guest with the numbers of the items they attend. */
    record Guest(String id, String name, String title, String organisation, List<Integer> items) {
    }

    static final List<Member> MEMBERS = List.of(
            member("Brian Brendum Møller", "hospitalsdirektør", HE_MIDT, CommitteeRole.CO_CHAIR),
            member("Jens Peter Nielsen", "cheflæge", HE_MIDT, CommitteeRole.MEMBER),
            member("Anne Dorthe Bjerrum", "chefsygeplejerske", HE_MIDT, CommitteeRole.MEMBER),
            member("Karen Raben Kudsk", "cheflæge", HE_MIDT, CommitteeRole.MEMBER),
            member("Leif P. Christensen", "økonomi- og planchef", HE_MIDT, CommitteeRole.MEMBER),
            member("Katrine Gimm", "specialkonsulent", HE_MIDT, CommitteeRole.MEMBER),
            member("Jakob Paludan", "lægefaglig direktør", PSYKIATRI, CommitteeRole.MEMBER),
            member("Dorthe Hilker Brodersen", "chefsygeplejerske", PSYKIATRI, CommitteeRole.MEMBER),
            member("Anja Skaarup", "chefkonsulent", PSYKIATRI, CommitteeRole.MEMBER),
            member("Dorthe Klith", "hospitalsdirektør", PRAEHOSPITALET, CommitteeRole.MEMBER),
            member("Lauge Clemmensen", "koncerndirektør", SILKEBORG, CommitteeRole.MEMBER),
            member("Malene Herbsleb", "sundheds- og omsorgschef", SILKEBORG, CommitteeRole.MEMBER),
            member("Kirsten Slumstrup", "sektionsleder, Social, psykiatri og rusmiddelsektionen", SILKEBORG,
                    CommitteeRole.MEMBER),
            member("Helena Vendelin Æbeløe", "udviklingskonsulent (barsel)", SILKEBORG, CommitteeRole.MEMBER),
            member("Maria Lange Kirkegaard", "udviklingskonsulent", SILKEBORG, CommitteeRole.MEMBER),
            member("Lars Harder", "social- og arbejdsmarkedsdirektør", SKIVE, CommitteeRole.MEMBER),
            member("Trine Bracker", "sundhedschef", SKIVE, CommitteeRole.MEMBER),
            member("Jan Bendix Jensen", "chef for omsorg og pleje", SKIVE, CommitteeRole.MEMBER),
            member("Helle Trangbæk", "familiechef", SKIVE, CommitteeRole.MEMBER),
            member("Sofie Gaaei Neergaard", "udviklingskonsulent", SKIVE, CommitteeRole.MEMBER),
            member("Mette Andreassen", "direktør (mødeleder)", VIBORG, CommitteeRole.CO_CHAIR),
            member("Kristine Stange", "sundhedschef", VIBORG, CommitteeRole.MEMBER),
            member("Mette Kvist", "chefkonsulent", VIBORG, CommitteeRole.MEMBER),
            member("Jonas Hald", "praksiskoordinator", ALMEN_PRAKSIS, CommitteeRole.MEMBER),
            member("Jane Gregersen", "PLO Midt", ALMEN_PRAKSIS, CommitteeRole.MEMBER),
            member("Trine Frøstrup", "Scleroseforeningen, Danske Patienter", PATIENTER, CommitteeRole.MEMBER),
            new Member("m-vakance-danske-patienter", null, "Danske Patienter", PATIENTER, CommitteeRole.MEMBER));

    static final List<Guest> GUESTS = List.of(
            guest("Steffen Hansen", "forskningsassistent", "Center for Planlagt Kirurgi", 4),
            guest("Lars F. Nørgaard", "forperson for Midtjyllands kreds af apoteker", null, 5),
            guest("Peter Krüger Bak", "apoteker i Skive", null, 5),
            guest("Tina Jobling", "kredskonsulent", null, 5),
            guest("Trine Bjerregård Madsen", "funktionsleder", "Regionsapoteket", 5, 6),
            guest("Mette Krag Svendsen", "ledende terapeut", "Medicinsk Diagnostisk Center", 9),
            guest("Susan Ringkær Christensen", "ledende overlæge", "Medicinsk Diagnostisk Center", 9),
            guest("Charlotte Klitnæs", "leder sundhed og træning", "Norddjurs Kommune", 9));

    /** Participated virtually (pkt. 9 — virtuel deltagelse); every other guest is marked in the room. */
    static final String VIRTUAL_GUEST = "g-charlotte-klitnaes";

    /** The seed's "Afbud" list. */
    static final List<String> AFBUD = List.of("Karen Raben Kudsk", "Leif P. Christensen", "Katrine Gimm",
            "Jakob Paludan", "Lars Harder", "Sofie Gaaei Neergaard");

    /** The decision of Punkt 1 names these as well. */
    static final List<String> AFBUD_FROM_DECISION = List.of("Jens Peter Nielsen", "Jan Bendix Jensen",
            "Helle Trangbæk", "Mette Kvist", "Trine Frøstrup");

    private DemoMeeting() {
    }

    /** Organisation names as used by the committee and its members. */
    public static List<String> organisations() {
        return ORGANISATIONS;
    }

    public static String itemId(int number) {
        return "punkt-" + number;
    }

    public static String memberId(String name) {
        return "m-" + slug(name);
    }

    public static String guestId(String name) {
        return "g-" + slug(name);
    }

    /** The commands in the order to send them. */
    public static List<Object> commands() {
        List<Object> commands = new ArrayList<>();
        commands.add(new CreateCommittee(COMMITTEE_ID, COMMITTEE_NAME, ORGANISATIONS));
        for (Member m : MEMBERS) {
            commands.add(new AddMember(COMMITTEE_ID, m.id(), m.name(), m.title(), m.organisation(), m.role()));
        }
        commands.add(new ScheduleMeeting(MEETING_ID, COMMITTEE_ID, MEETING_TITLE, STARTS_AT, ENDS_AT, null,
                MeetingMode.HYBRID));
        List<Item> items = items();
        for (Item item : items) {
            commands.add(new AddAgendaItem(MEETING_ID, itemId(item.number()), item.details()));
        }
        for (Guest g : GUESTS) {
            commands.add(new InviteGuest(MEETING_ID, g.id(), g.name(), g.title(), g.organisation(),
                    g.items().stream().map(DemoMeeting::itemId).toList()));
        }
        List<String> absent = new ArrayList<>(AFBUD);
        absent.addAll(AFBUD_FROM_DECISION);
        for (String name : absent) {
            commands.add(new RegisterApology(MEETING_ID, memberId(name), null));
        }
        commands.add(new StartMeeting(MEETING_ID));
        for (Member m : MEMBERS) {
            if (m.name() != null && !absent.contains(m.name())) {
                commands.add(new RecordAttendance(MEETING_ID, m.id(), Presence.IN_ROOM));
            }
        }
        for (Guest g : GUESTS) {
            commands.add(new RecordAttendance(MEETING_ID, g.id(),
                    g.id().equals(VIRTUAL_GUEST) ? Presence.VIRTUAL : Presence.IN_ROOM));
        }
        for (Item item : items) {
            if (item.decision() != null) {
                commands.add(new RecordDecision(MEETING_ID, itemId(item.number()), item.decision(), item.outcome(),
                        0, null));
            }
            int n = 0;
            for (Action a : item.actions()) {
                commands.add(new AddActionItem(MEETING_ID, itemId(item.number()),
                        itemId(item.number()) + "-handling-" + (++n), a.description(), a.owner(), a.due()));
            }
        }
        commands.add(new CloseMeeting(MEETING_ID));
        return List.copyOf(commands);
    }

    // ---------------------------------------------------------------------------------------------------------
    // The agenda, item by item

    record Action(String description, String owner, LocalDate due) {
    }

    record Item(int number, AgendaItemDetails details, String decision, Outcome outcome, List<Action> actions) {
    }

    static List<Item> items() {
        List<Item> items = new ArrayList<>();

        items.add(new Item(1,
                details("Mødedeltagere", ItemKind.ORIENTATION, null, null, List.of(), null, null, List.of()),
                t("""
                        Der var afbud fra Jens Peter Nielsen, Karen Raben Kudsk, Leif P. Christensen, Katrine Gimm, \
                        Jakob Paludan, Lars Harder, Jan Bendix Jensen, Helle Trangbæk, Sofie Gaaei Neergaard, \
                        Mette Kvist og Trine Frøstrup
                        """),
                Outcome.NOTED, List.of()));

        items.add(new Item(2,
                details("Velkomst og godkendelse af dagsorden", ItemKind.DECISION, "11.00-11.05", null,
                        List.of("At klyngestyregruppen godkender dagsorden og punkter til under evt."),
                        t("""
                                Særlig velkommen til nye deltager i klyngestyregruppen, chefsygeplejerske i \
                                Regionspsykiatri Midt og Dorthe Klith, hospitalsdirektør Præhospitalet, samt kort \
                                præsentationsrunde.

                                Det kan orienteres om at Ralph Jørgensen er trådt ud af Patientinddragelsesudvalget og \
                                dermed også klyngestyregruppen. Der er endnu ikke blevet udpeget en afløser for Ralph. \
                                Stillingen som cheflæge i Medicinsk Diagnostisk Center er i øjeblikket vakant.
                                """),
                        null, List.of()),
                "Der var en kort præsentationsrunde og dagsorden for mødet blev godkendt.",
                Outcome.APPROVED, List.of()));

        items.add(new Item(3,
                details("Regeringens udspil til en sundhedsreform", ItemKind.DISCUSSION, "11.05-11.15", null,
                        List.of("At klyngestyregruppen drøfter perspektiverne for klyngesamarbejdet i den kommende "
                                + "tid set i lyset af regeringens udspil til en sundhedsreform."),
                        t("""
                                Regeringen har den 18. september offentliggjort sit udspil til en sundhedsreform. \
                                Udvalgte hovedelementer i udspillet er:
                                • Reduktion fra 4 til 5 regioner og en reduktion i antallet af regionsrådsmedlemmer i \
                                Region Midtjylland
                                • 17 sundhedsråd som faste udvalg under regionrådene med deltagelse af kommunale \
                                udvalgsformænd og regionsrådsmedlemmer. Regionen har flertal i sundhedsrådet. \
                                Sundhedsrådene skal varetage den umiddelbare forvaltning af regionens opgaver indenfor \
                                en sundhedsrådets geografiske område.
                                • Almen praksis: Øget kapacitet, ny honorarstruktur, bedre lægedækning, central \
                                rammeaftale som fastlægger økonomiske vilkår og opgavebeskrivelse m.m.
                                • Opgaveflytning fra kommunerne til regionerne (akutsygepleje, akut- og midlertidige \
                                pladser med sundhedsfaglig indsats, hovedparten af genoptræning samt patientrettet \
                                forebyggelse)
                                • Regionale hjemmebehandlingsteams, sundheds- og omsorgspladser, kronikerpakker med \
                                tilhørende patientrettigheder og udvidet lægefagligt behandlingsansvar m.v.
                                """),
                        null,
                        List.of(new Attachment("Regeringen vil flytte sundhedsvæsenet tættere på med ny reform (ism.dk)",
                                "https://www.ism.dk/nyheder/2024/september/"
                                        + "regeringen-vil-flytte-sundhedsvaesenet-taettere-paa-med-ny-reform"))),
                t("""
                        Mette Andreassen introducerede punktet. Ifølge udspillet lægges der op til, at den nye \
                        sundhedsreform implementeres fra 2027. Klyngestyregruppen besluttede, at regeringens udspil i \
                        udgangspunktet ikke giver anledning til at ændre i mødekadence og aktiviteter i Midtklyngen.
                        """),
                Outcome.DISCUSSED, List.of()));

        items.add(new Item(4,
                details("Resultater fra forskningsprojektet Animation på Tværs", ItemKind.DISCUSSION, "11.15-11.45",
                        "Steffen Hansen",
                        List.of("At klyngestyregruppen tager orienteringen om resultater fra forskningsprojektet "
                                        + "Animation på tværs til efterretning",
                                "At klyngestyregruppen drøfter hvordan resultaterne kan omsættes til praksis",
                                "At klyngestyregruppen tager stilling til, om der skal iværksættes konkrete tiltag, "
                                        + "som kan understøtte spredning"),
                        t("""
                                Forskningsprojektet "Animation på tværs" er et forskningsprojekt iværksat af \
                                Midtklyngens parter. Projektet blev igangsat i juni 2019 og afsluttet i foråret 2024. \
                                Formålet med projektet har været at udvikle og teste animationsfilm som et middel til at \
                                levere sundhedsinformation til borgere med lænderygsmerter. Der er udviklet i alt 12 \
                                animationsfilm.

                                Lav sundhedskompetence har negative helbredsmæssige konsekvenser som f.eks. dårligere \
                                resultat af behandling og hyppigere indlæggelser. Animationsfilm kan være med til at \
                                skabe mere lighed i sundhed, fordi sundhedsinformationen bliver tilpasset patienterne. \
                                Den fælles ambition har været at øge borgernes viden om egen behandling og \
                                sygdomsforløb, så de kan tage mere ansvar for deres egen sundhed. Desuden har \
                                ambitionen været at skabe et mere oplyst samarbejde i sundhedsvæsenet og forbedre \
                                borgernes oplevelse af behandlingsforløb på tværs af sektorer.

                                Overordnet har forskningsprojektet vist, at animationsfilm har potentiale til at skabe \
                                mere lighed i sundhed. Generelt forbedrede animationsfilmene borgernes evne til at huske \
                                og forstå sundhedsinformation, og det kan medføre, at de tager bedre vare om deres \
                                helbred.

                                På mødet giver forskningsassistent Steffen Hansen, Universitetsklinik for \
                                Interdisciplinære Ortopædkirurgiske Forløb, en uddybende præsentation af resultaterne \
                                samt status og anbefalinger for arbejdet med spredning af resultaterne.
                                """),
                        null, List.of()),
                t("""
                        Steffen Hansen præsenterede resultaterne af forskningsprojektet Animation På Tværs samt \
                        anbefalinger på baggrund af projektet. Oplægget er vedlagt referatet.

                        Forskningsprojektet blev iværksat for 5 år siden som det første Midtklyngeprojekt under \
                        klyngestyregruppen.

                        På baggrund af oplægget blev det drøftet, hvordan resultaterne kan omsættes til praksis. Der \
                        var bl.a. en opmærksomhed på sårbarheder ift. om personer med fx anden etnisk baggrund \
                        potentielt kan have højere gavn af animationsfilm ift. informationsoptag (jf. at \
                        forskningsprojektet viste, at studier af animationsfilm primært er foretaget i \
                        mellem-/højindkomst lande).

                        Kristine Stange orienterede om Viborg kommunes animationsstrategi, hvorunder at man ønsker at \
                        igangsætte fire nye projekter. Hun inviterede interesserede i Midtklyngen til at deltage i \
                        drøftelserne om projekterne.
                        """),
                Outcome.DISCUSSED, List.of()));

        items.add(new Item(5,
                details("Dialog med apotekerne om samarbejdsperspektiver i det tværsektorielle sundhedssamarbejde i "
                                + "Midtklyngen", ItemKind.DISCUSSION, "11.45-12.15",
                        "Lars F. Nørgaard og Peter Krüger Bak",
                        List.of("At klyngestyregruppen tager oplæg v. apotekerforeningen til efterretning",
                                "At der er en gensidig drøftelse af samarbejdsperspektiver i det tværsektorielle "
                                        + "sundhedssamarbejde i Midtklyngen",
                                "At klyngestyregruppen tager stilling til eventuelle opfølgende tiltag/videre dialog"),
                        t("""
                                Apotekerne er en væsentlig aktør i sundhedsvæsenet, og klyngerne er fra KL og Danske \
                                Regioner opfordret til at afsøge samarbejdsperspektiver i det tværsektorielle \
                                sundhedssamarbejde. Afsættet er bl.a. at en arbejdsgruppe under Indenrigs- og \
                                Sundhedsministeriet – hvor bl.a. apotekerforeningen deltog – i juni 2023 udkom med \
                                konkrete anbefalinger til, hvordan apotekernes kompetencer kan komme mere i spil og \
                                derved bidrage til at aflaste andre dele af sundhedsvæsnet, styrke patientsikkerheden \
                                og øge tilgængeligheden. De samlede anbefalinger er vedlagt som bilag. Anbefalingerne \
                                retter sig i høj grad mod de nationale aktører, som er med til at sætte rammerne for \
                                samarbejdet i klyngerne.

                                Samtidig ses der også et perspektiv i at afsøge samarbejdsmulighederne mere lokalt i \
                                klyngerne. På den baggrund er Lars F. Nørgaard, forperson for Midtjyllands kreds af \
                                apoteker, Peter Krüger Bak, apoteker i Skive samt kredskonsulent Tina Jobling inviteret \
                                til en dialog med klyngestyregruppen.

                                Punktet indledes med et kort oplæg v. Lars F. Nørgaard og Peter Krüger Bak om \
                                samarbejdsperspektiver, herunder hvordan apotekerne kan understøtte fx brug af \
                                dosispakket medicin, borgere som indlægges i eget hjem samt restordreproblematik.
                                """),
                        null,
                        List.of(new Attachment(
                                "Afrapportering fra arbejdsgruppen for apotekernes sundhedsydelser.pdf (ism.dk)",
                                "https://www.ism.dk/Media/638236367331149695/Afrapportering%20fra%20arbejdsgruppen"
                                        + "%20for%20apotekernes%20sundhedsydelser.pdf"))),
                t("""
                        Klyngestyregruppen tog oplægget til efterretning. Oplægget er vedlagt referatet.

                        I forlængelse af oplægget anbefalede apotekerne, at flere borgere kommer på dosispakket \
                        medicin, hvis de er egnet til det, og apotekerne deltager gerne i samarbejdsfora om udbredelse \
                        af dosispakket medicin. PLO beskrev nogle af de barrierer, der opleves i almen praksis for \
                        udbredelse af dosispakket medicin. Nogle af disse barrierer kunne afhjælpes, hvis medicin må \
                        ordineres generisk. Apotekerne var positive overfor dette forslag, der dog ikke er mulig inden \
                        for den nuværende lovgivning.

                        Apotekernes brug og adgang til FMK blev drøftet. Apotekerne beskrev, at de som udgangspunkt \
                        arbejder med recepter og ikke i FMK. De har kun adgang til FMK med borgerens samtykke, eller \
                        hvis noget er patientusikkert.

                        Restordreproblematik fylder meget, også på apotekerne. Mulige årsager til restordre blev \
                        drøftet, herunder at fastholdelse af priser i en længere periode muligvis ville medvirke til \
                        større medicinleverancer til Danmark og dermed færre restordre.

                        Udfordringerne kan ikke løses lokalt, men skal løftes nationalt.
                        """),
                Outcome.NOTED, List.of()));

        items.add(new Item(6,
                details("Status på det tværsektorielle projekt i Midtklyngen mhp. udbredelse af dosispakket medicin",
                        ItemKind.DECISION, "12.15-12.30", null,
                        List.of("At klyngestyregruppen tager orienteringen til efterretning",
                                "At klyngestyregruppen drøfter og beslutter hvorvidt projektet skal igangsættes"),
                        t("""
                                Den 3. maj 2024 godkendte Klyngestyregruppen, at der igangsættes et tværsektorielt \
                                projekt med udgangspunkt i 'oplæg til en tværsektoriel indsats i Midtklyngen mhp. at \
                                øge udbredelsen af dosispakket medicin'. Ligeledes blev det godkendt, at \
                                projektbeskrivelsen opdateres og der udarbejdes et projektbudget. Den seneste version \
                                af oplægget er vedhæftet inklusiv et forslag til budget.

                                Baggrunden for et tværsektorielt projekt er en vurdering af, at der trods initiativer og \
                                indsatser forsat er potentiale for at udbrede dosispakket medicin i Midtklyngen. Således \
                                er de tre kommuner i Midtklyngen placeret som henholdsvis nr. 21, 32 og 56 blandt de 98 \
                                kommuner på andelen af 65+ årige, som i februar 2024 anvendte dosispakket medicin (jf. \
                                beregning i oplægget).

                                Den 27. juni 2024 drøftede repræsentanter fra kommuner, hospital og almen praksis \
                                oplægget til projektbeskrivelsen. Almen praksis gav udtryk for tilbageholdenhed, da \
                                oplevelsen er, at der forsat er væsentlige barriere forbundet med anvendelsen af \
                                dosispakket medicin. De pointerede, at der bakkes op om udbredelsen af dosispakket \
                                medicin såfremt målgruppen korrekt afgrænses og at barrierer for almen praksis \
                                reduceres. I hospitalsregi opleves ligeledes barrierer.

                                Barriererne kan overordnet deles i tre kategorier:
                                • Ekstraarbejde: En oplevelse af, at dosispakket medicin ofte er meget tidskrævende og \
                                giver ekstraarbejde for personalet, særligt i forbindelse med restordre eller når \
                                medicin stoppes, ændres eller pauseres.
                                • Patientsikkerhed: Bl.a. utryghed i om apotek tjekker FMK systematisk, når medicin \
                                stoppes, ændres eller pauseres.
                                • Udgift for borgerne: Højere leveringsomkostninger for borgerne, hvilket der bør gøres \
                                opmærksom på

                                De beskrevne barrierer hænger formentlig til dels sammen med, at de forskellige aktører \
                                ikke har mulighed for at se de samme oplysninger i samme systemer, hvilket \
                                vanskeliggør kommunikation og skaber utryghed og frustration. Det skal bemærkes at \
                                apotekerne ikke har været inddraget i processen.

                                Mange af de barrierer, der opleves i Midtklyngen, ses også på landsplan og er beskrevet \
                                mere fyldestgørende i rapport fra Muusmann, 2023[1] samt indgår i MedComs \
                                tværsektorielle implementeringsprogram[2]. Det bør derfor overvejes hvilke barrierer, \
                                der kan håndteres i Midtklyngen og hvilke, man vil afvente en national eller evt. lokal \
                                håndtering af.

                                Formålet med punktet er en drøftelse af, hvorvidt de enkelte aktører forsat bakker op \
                                om projektet. Det er en forudsætning, at projektet gennemføres tværsektorielt, hvis de \
                                ønskede gevinster skal realiseres.

                                [1] https://muusmann.com/artikel/dosispakkemedicin-kan-frigoere-op-til-900-aarsvaerk-i-kommunerne/
                                [2] https://medcom.dk/projekter/dosisdispensering/
                                """),
                        null, List.of()),
                t("""
                        Malene indledte punktet med en opmærksomhed på, at der er stor forståelse for de barrierer, \
                        som primært almen praksis har ifm. dosispakket medicin. Silkeborg kommune bakker forsat op om \
                        et tværsektorielt projekt, men det er nødvendigt at alle aktører er med.

                        PLO beskrev, at dosispakket medicin er til stor frustration i mange klinikker, herunder ifm. \
                        restordre. HE Midt supplerede med, at der fra hospitalsperspektiv opleves systemmæssige \
                        barrierer, som ikke kan løses lokalt i Midtklyngen.

                        Det blev besluttet at:
                        • Det tværsektorielle projekt igangsættes ikke, men man fastholder lokalt fokus på, at de \
                        borgere der er egnet, tilbydes at komme på dosispakket medicin.
                        • Barriererne for at udbrede dosispakket medicin skal løftes videre, da de ikke kan løses i \
                        Midtklyngen. En af løsningerne kunne være generiske ordinationer. Jane kontakter PLO-Central \
                        mhp. at KL, PLO, regionerne og apotekerforeningen inddrages.
                        """),
                Outcome.REJECTED,
                List.of(new Action("Kontakte PLO-Central mhp. at KL, PLO, regionerne og apotekerforeningen inddrages "
                        + "i barriererne for at udbrede dosispakket medicin", "Jane Gregersen", null))));

        items.add(new Item(7,
                details("Pause - frokost", ItemKind.ORIENTATION, "12.30-12.45", null, List.of(), null, null,
                        List.of()),
                null, null, List.of()));

        items.add(new Item(8,
                details("Samlet status på økonomi vedr. fælles klyngemidler og udmøntning af midler",
                        ItemKind.DECISION, "12.45-13.00", null,
                        List.of("At klyngestyregruppen tager status på økonomi til efterretning",
                                "At klyngestyregruppen godkender forlængelse af projekt vedr. etablering af "
                                        + "samarbejdsmodel på børn og ungeområdet med 3 mdr. svarende til en "
                                        + "udvidelse af budget på 200.000 kr.",
                                "At klyngestyregruppen drøfter om der er særlige opmærksomhedspunkter ift. proces "
                                        + "for udmøntning af fælles klyngemidler jf. Sagsfremstillingen."),
                        PUNKT_8_SAGSFREMSTILLING,
                        t("""
                                Ansøgning om forlængelse og udvidelse af budget på 0,2 mio. kr. (200.000 kr.) til \
                                projektet om etablering af samarbejdsmodel for børn og unge i psykisk mistrivsel, så \
                                projektperioden forlænges 3 måneder ind i 2025.

                                Forudsat godkendelse er der disponeret for 4,8 mio. kr., og restpuljen er 2,082 mio. \
                                kr. Såfremt projektforslag vedr. dosispakket medicin og budget på 1,1 mio. kr. også \
                                godkendes, er der disponeret for 5,9 mio. kr., og der vil i stedet være 0,982 mio. kr. \
                                i ikke disponerede midler.
                                """),
                        List.of()),
                t("""
                        Mette Andreassen indledte punktet.

                        Ansøgningen om 0,2 mio.kr. til etablering af samarbejdsmodel på børn og ungeområdet blev \
                        godkendt.

                        Der var enighed om at fastholde den procesplan, der fremgår af sagsfremstillingen, herunder at \
                        temagrupperne kommer med anbefalinger til hvilke projekter, som klyngestyregruppen på \
                        næstkommende møde skal tildele klyngemidler.
                        """),
                Outcome.APPROVED,
                List.of(new Action("Fremsende ansøgninger om nye projekter og anbefalinger til, hvilke projekter der "
                        + "skal tildeles klyngemidler, til fællessekretariatet (beslutning på klyngestyregruppemødet "
                        + "den 29. november)", "Temagrupperne", LocalDate.of(2024, 11, 15)))));

        items.add(new Item(9,
                details("Afrapportering og anbefalinger – optimering af tværsektorielle forløb patienter med "
                                + "rygsmerter - Det nationale ledelsesprogram i sundhedsvæsenet, hold 2",
                        ItemKind.DISCUSSION, "13.00-13.30", "Mette Krag Svendsen og Susan Ringkær Christensen",
                        List.of("At klyngestyregruppen tager afrapporteringen til efterretning",
                                "At klyngestyregruppen drøfter forbedringsteamets anbefalinger og giver "
                                        + "opmærksomhedspunkter ift. det videre arbejde i Midtklyngen",
                                "At Klyngestyregruppen beslutter om der skal iværksættes konkrete tiltag mhp. "
                                        + "udbredelse af evt. anbefalinger"),
                        t("""
                                Forløbet for hold 2 i det nationale ledelsesprogram på sundhedsområdet er afsluttet, \
                                bl.a. med en afsluttende konference på Fængslet i Horsens den 6. juni 2024.

                                Fra Midtklyngen har deltaget 2 forbedringsteam, hvoraf det ene team alene har kommunal \
                                deltagelse fra Skive og Silkeborg Kommune, og det andet har deltagelse fra Viborg og \
                                Norddjurs kommuner, HE Midt og almen praksis fra Gødstrup klyngen.

                                Afrapporteringen til klyngestyregruppen er opdelt, og vi starter med at det \
                                forbedringsteam som vedrører optimering af tværsektorielle forløb med rygsmerter. \
                                Deltagerne i dette team har været Poul Schmidt, leder af genoptræning i Viborg Kommune, \
                                Charlotte Klitnæs, leder af Sundhed og træning i Norddjurs Kommune, Kim Pedersen, \
                                praktiserende læge Gødstrup Klyngen, samt Mette Krag Svendsen, ledende terapeut og \
                                Susan Ringkær Christensen, ledende overlæge i Medicinsk Diagnostisk Center, HE Midt.

                                (Mette Krag Svendsen og Susan Ringkær fremlægger teamets oplæg, Charlotte Klitnæs \
                                deltager virtuelt)

                                Deltagerne har arbejdet med et initiativ, der har haft til hensigt at skabe bedre \
                                forløb for patienten, og mindre forbrug af sundhedsydelser, ved mere ensartet tilgang \
                                til information, udredning og behandling af rygpatienter på tværs af sektorer. På \
                                mødet præsenterer deltagerne erfaringer og resultater fra arbejdet. Der præsenteres \
                                dels resultater og erfaringer med tværsektoriel ledelse af forbedringsarbejde, og dels \
                                resultater og erfaringer fra arbejdet med at skabe bedre forløb og mindre forbrug af \
                                sundhedsydelser for patienter med rygsmerter. Derudover præsenterer repræsentanter for \
                                teamet perspektiver på, hvordan Midtklyngen bedst muligt sikrer læring af de \
                                erfaringer, NLPS-deltagerne opnår i forløbet.
                                """),
                        null, List.of()),
                t("""
                        Charlotte Klitnæs, Mette Krag og Susanne Ringkær afrapporterede om forbedringstiltaget på \
                        ryg-området. Oplægget er vedlagt referatet.

                        Formålet med initiativet var at optimere det tværsektorielle samarbejde omkring patienter med \
                        rygsmerter. Derfor oprettede forbedringstemaet bl.a. 'rygrøret'.

                        Væsentlig pointer fra initiativet er:
                        • Det er vigtigt med vidensdeling mellem sundhedsfaglig på tværs af organisationer og sektorer
                        • Det var en fordel at almen praksis indgik
                        • For at initiativet kunne lykkedes var det vigtigt med tydelig ledelsesopbakning

                        Klyngestyregruppen drøftede forbedringstemaets afrapportering. PLO gjorde opmærksom på, at \
                        almen praksis i forvejen har mange rådgivningstelefoner tilsvarende 'rygrøret', som de kan \
                        kontakte. Det kan derfor for nogle være vanskeligt at navigere i.

                        Klyngestyregruppe anerkendte initiativet og bakker op om yderligere udbredelse.
                        """),
                Outcome.DISCUSSED, List.of()));

        items.add(new Item(10,
                details("Orientering fra øvrige mødefora", ItemKind.ORIENTATION, "13.30-13.40", "Formandskabet",
                        List.of("At klyngestyregruppen tager orienteringen til efterretning",
                                "At deltagerne kort orienterer hinanden om arbejdet i øvrige aktuelle "
                                        + "tværsektorielle fora og arbejdsgrupper, såfremt der er er "
                                        + "opmærksomhedspunkter ift. arbejdet i Midtklyngen",
                                "At klyngestyregruppen beslutter, om orienteringerne giver anledning til opfølgning."),
                        t("""
                                Formandskabet orienterer om:
                                • Aflysning af møde i den politiske sundhedsklynge den 23. september 2024
                                • Udvalgte punkter fra mødet i Sundhedsstyregruppen den 20. september 2024
                                   – Tværsektorielt samarbejde vedrørende opsporing og reaktion på truende karsygdom
                                   – Godkendelse af model for fælles implementering af det kommunale behandlingstilbud \
                                til børn og unge i mistrivsel
                                   – Kom trygt hjem
                                """),
                        null,
                        List.of(new Attachment("Dagsordner og referater fra Sundhedsstyregruppen - Sundhedsaftalen "
                                + "(rm.dk)", null))),
                t("""
                        Mette Andreassen orienterede om, at Sundhedsstyregruppen bakker op om en fælles model for \
                        implementering af det kommunale behandlingstilbud til børn og unge i mistrivsel.

                        Der blev ikke orienteret yderligere fra mødet i Sundhedstyregruppen.
                        """),
                Outcome.NOTED, List.of()));

        items.add(new Item(11,
                details("Godkendelse af mødeplan for klyngestyregruppen i 2025", ItemKind.DECISION, "13.40-13.45",
                        null,
                        List.of("At klyngestyregruppen godkender mødeplanen for 2025",
                                "At klyngestyregruppen tager stilling til hvorvidt næste klyngestyregruppemøde den "
                                        + "29. november kl. 8.30-11.30 skal flyttes til den 6. december kl. "
                                        + "9.00-11.00."),
                        t("""
                                Nedenstående forslag til mødeplan for klyngestyregruppen i 2025 bedes godkendes.

                                Møderne i klyngestyregruppen er for en sikkerheds skyld booket. Ved behov for \
                                ændringer vil mødeinvitationerne blive opdateret.

                                • Fredag den 28.2.2025 kl. 8.30-11.30, Regionshospitalet Viborg
                                • Politisk Sundhedsklyngemøde fredag den 14.3.2025. kl. 13-15, Viborg Rådhus
                                • Fredag den 6.6.2025 kl. 8.30-11.30, Viborg Rådhus
                                • Fredag den 26.9.2025 kl. 8.30-11.30 Viborg Rådhus
                                • Politisk Sundhedsklyngemøde fredag den 26.9.2025 kl. 13-15, Viborg Rådhus
                                • Fredag den 5.12.2025 kl.11.00-14.00 Regionshospitalet Viborg
                                """),
                        null, List.of()),
                t("""
                        Mødeplanen 2025 blev godkendt.

                        Det blev ligeledes godkendt at næste møde i klyngestyregruppen flyttes til den 6. december kl. \
                        9.00-11.00.
                        """),
                Outcome.APPROVED, List.of()));

        items.add(new Item(12,
                details("Implementering af den gode indlæggelse og udskrivelse på det psykiatriske område",
                        ItemKind.DECISION, "13.45-13.50", "Anja Skaarup",
                        List.of("At klyngestyregruppen godkender, at de tre temagrupper får ansvar for at drøfte "
                                        + "hvad implementeringen af den udvidede samarbejdsaftale om den gode "
                                        + "indlæggelse og udskrivelse kalder på",
                                "At Klyngestyregruppen beder temagrupperne vurdere, om der er behov en tværgående "
                                        + "organisering til implementeringen, og i givet fald foreslår at arbejdet "
                                        + "forankres i den eksisterende ad-hoc arbejdsgruppe vedr. udarbejdelse af en "
                                        + "pixi vedr. indlæggelser og udskrivelser, som suppleres med medlemmer fra "
                                        + "børn og unge samt psykiatrien fra begge sektorer"),
                        PUNKT_12_SAGSFREMSTILLING,
                        null,
                        List.of(new Attachment("Udvidet Samarbejdsaftale indlæggelse og udskrivelse", null),
                                new Attachment("Huskekort Den Gode Indlæggelse og Udskrivelse", null))),
                t("""
                        Anja Skaarup præsenterede punktet.

                        Klyngestyregruppen bakkede op om den beskrevne proces, og indstillingerne blev godkendt.
                        """),
                Outcome.APPROVED,
                List.of(new Action("Drøfte, hvad implementeringen af den udvidede samarbejdsaftale om den gode "
                        + "indlæggelse og udskrivelse kalder på, og vurdere, om der er behov for en tværgående "
                        + "organisering til implementeringen", "De tre temagrupper", null))));

        items.add(new Item(13,
                details("Forslag til kommende punkter på klyngestyregruppemøde", ItemKind.DISCUSSION,
                        "13.50-13.55", "Alle",
                        List.of("At Klyngestyregruppen drøfter punkter til kommende klyngestyregruppemøder og "
                                + "ønskede resultater heraf"),
                        PUNKT_13_SAGSFREMSTILLING,
                        null, List.of()),
                t("""
                        Følgende emner blev foreslået til kommende møder:
                        • IV-aftalen (formandskabet har efterfølgende bedt sekretariatet afklarer vinklen på emnet og på \
                        den baggrund vurdere, hvorvidt punktet i stedet bør behandles i temagruppen for voksne, \
                        somatik)
                        • Kommende sundhedsreform
                        • 72 timers behandlingsansvar (formandskabet har efterfølgende bedt sekretariatet afklarer \
                        vinklen på emnet)
                        """),
                Outcome.DISCUSSED,
                List.of(new Action("Afklare vinklen på emnet IV-aftalen og på den baggrund vurdere, hvorvidt punktet "
                                + "i stedet bør behandles i temagruppen for voksne, somatik", "Sekretariatet", null),
                        new Action("Afklare vinklen på emnet 72 timers behandlingsansvar", "Sekretariatet",
                                null))));

        items.add(new Item(14,
                details("Evt.", ItemKind.ORIENTATION, "13.55-14.00", null, List.of(), null, null, List.of()),
                "Ingen punkter til eventuelt.",
                Outcome.NOTED, List.of()));

        items.add(new Item(15,
                details("Skriftlige orienteringer", ItemKind.ORIENTATION, null, null, List.of(),
                        PUNKT_15_SAGSFREMSTILLING, null, List.of()),
                "Der var ingen bemærkninger til orienteringen.",
                Outcome.NOTED, List.of()));

        return items;
    }

    private static final String PUNKT_8_SAGSFREMSTILLING = t("""
            Ansøgning om forlængelse og udvidelse af budget på 0,2 mio. kr.

            Temagruppen for børn, unge og familien ansøger om at få at få øget budgettet til projektet om etablering af \
            samarbejdsmodel for børn og unge i psykisk mistrivsel. Det drejer sig om 0,2 mio. kr. således projekt \
            perioden forlænges 3 måneder ind i 2025. Forlængelse af projektperiode/ansættelse af projektleder skal \
            primært sikre følgende:

            • Sikring af fortsat implementering
            For at sikre, at samarbejdsmodellen fortsat lever i organisationen, når den går i drift, er det afgørende \
            at understøtte det fortsatte samarbejde på tværs af relevante aktører. Projektlederen vil i den \
            forlængede periode have fokus på at sikre, at der bliver etableret holdbare strukturer og procedurer, som \
            kan fastholde og videreudvikle det samarbejde, der er skabt under projektets forløb.

            • Afrunding af projektet
            En vigtig del af projektets succes afhænger af en grundig og veltilrettelagt afslutning. Projektlederen \
            vil i den forlængede periode fokusere på at sikre en ordentlig overlevering og afrunding af alle \
            igangværende aktiviteter.

            • Udarbejdelse af skriftligt materiale
            Det er nødvendigt, at der udarbejdes skriftligt materiale, der dokumenterer de indsatser, der er blevet \
            igangsat i forbindelse med samarbejdsmodellen. Dette materiale vil sikre, at den opsamlede viden bliver \
            dokumenteret skriftligt til efterfølgende brug i organisationerne.

            Status på økonomi

            Forudsat godkendelse af ansøgning om forlængelse og udvidelse af budget til etablering af \
            samarbejdsmodel vedr. børn og unge i psykisk mistrivsel er der disponeret for 4,8 mio. kr.

            I dette beløb er der ikke taget højde for budget til projekt vedr. dosispakket medicin.

            I forslaget til projektet vedr. dosispakket medicin er der lagt et budget på 1,1 mio. kr. Såfremt dette \
            godkendes er der disponeret for 5,9 mio. kr.

            Tabel 1. Budgetter for 5 politisk prioriterede initiativer i Midtklyngen, beløb i 1.000,-
            Initiativ | I alt | 2023 | 2024 | 2025
            Samarbejdsmodel - børn og unge i psykisk mistrivsel | 1.389 | 223 | 966 | 200
            Styrket udskrivning - udskrivningsterapeuter | 1.284 | 680 | 604 |
            Forberedelse til implementering af Tele KOL | 380 | 244 | 136 |
            Fast track - Hospitalsbehandling i eget hjem | 555 | 135 | 420 |
            FACT | 1.200 | 0 | 600 | 600
            Total alle initiativer | 4.808 | 1.282 | 2.726 | 800

            Af disse projekter er Fælles forberedelse af TeleKOL afsluttet, jf. vedlagte afrapportering. \
            Udskrivningsterapeuter er for så vidt afsluttet, men der udestår stadig en opfølgning vedr. \
            arbejdsgangsanalyse og evt. udvidelse af satellitdepot. Projektet ønsker derfor fortsat at kunne \
            disponere over uforbrugte midler inden for projektets ramme svarende til ca. 75.000 kr. året ud. \
            Hospitalsbehandling i eget hjem - fast track som blev ændret til inddragelse af mediciner ifm. stuegang \
            forventes afsluttet ultimo 2024. Der forventes ingen afvigelser ift. projektets budget.

            Tabel 2 nedenfor viser de ikke disponerede sundhedsklyngemidler og ikke disponerede midler fra \
            gevinsthåndtering fælles udbud, stomi.

            Umiddelbart er det status på restpuljen således 2,082 mio. kr. forudsat at ansøgning om forlængelse på 3 \
            mdr. svarende til en stigning i budget på 0,2 mio. kr.

            Såfremt projektforslag vedr. dosispakket medicin og budget på 1,1 mio. kr. også godkendes, vil der i \
            stedet være 0,982 mio. kr. i ikke disponerede midler i Midtklyngen til nye projekter.

            Tabel 2. Ikke disponerede midler - sundhedsklyngemidler og gevinsthåndtering fælles udbud, stomi
            Organisation | 2024 | 2025 | 2026 | 2027 | I alt
            Viborg | 496 | -129 | -115 | 200 | 453
            Skive | 396 | -47 | -38 | 81 | 393
            Silkeborg | 201 | 65 | 69 | 304 | 639
            Psykiatrien | 0 | 0 | 0 | 0 | 0
            HE Midt | 598 | 0 | 0 | 0 | 598
            I alt | 1.690 | -111 | -84 | 585 | 2.082
            Eksklusiv ansøgning om dosispakket medicin på 1,1 mio. kr.

            Principper og proces for udmøntning af fælles klyngemidler

            Af notat Model for udmøntning af fælles klyngemidler og økonomistyring i Midtklyngen og tilhørende bilag \
            som er godkendt af alle kommuner og region fremgår både principper og proces for udmøntning af fælles \
            klyngemidler, som gentaget herunder:

            Principper for udmøntning af klyngemidler
            a) Projekter/tiltag skal som udgangspunkt ligge inden for rammen af de fokusområder, som den politiske \
            sundhedsklynge har prioriteret på møde den 30. november 2022:
               i. Forebyggelse af akutte indlæggelser for borgere med flere kroniske sygdomme (multisyge)
               ii. Forebyggelse af psykisk mistrivsel blandt børn og unge
            b) Projektidéer/projektforslag behandles som udgangspunkt på møde klyngestyregruppen. Undtagelsesvist kan \
            forslag behandles af den samlede direktørkreds.
            c) Projektidéer/projektforslag kan fremsættes af Midtklyngens temagrupper eller af én eller flere af \
            organisationerne i Midtklyngen
            d) Projektforslag beskrives som udgangspunkt jf. vedlagte skabelon 'forslag til klyngeprojekter'
            e) Projekterne afrapporterer til klyngestyregruppen og til den politiske sundhedsklynge. Som minimum \
            afrapporteres jf. vedlagte skabelon for 'afrapportering af klyngeprojekter.'
            f) Projekterne organiseres som udgangspunkt med et tværsektorielt formandskab og repræsentation fra alle \
            involverede parter.
            g) Projekterne har et særligt fokus på borger- og patientinvolvering.

            Proces for udmøntning af klyngemidler

            Processen ligner det vi tidligere har anvendt, idet temagrupperne står for at udvælge og prioritere \
            ønsker/forslag til nye projekter.

            Således har temagrupperne frem til 15. november til at fremsende ansøgninger om nye projekter til \
            fællessekretariatet, hvorefter der på klyngestyregruppemødet den 29. november træffes beslutning om \
            udmøntning.
            """);

    private static final String PUNKT_12_SAGSFREMSTILLING = t("""
            Baggrund

            Samarbejdsaftale om den gode indlæggelse og udskrivelse trådte i kraft den 1. juni 2022. Aftalen har \
            hidtil omfattet indlæggelser og udskrivelser i somatikken, men aftalen er april 2024 udvidet til også at \
            omfatte indlæggelser og udskrivelser for den psykiatriske patient - uanset om patienten er barn, ung eller \
            voksen. Det har i udvidelsen af aftalen været vigtigt at lave så få tilføjelser og særlige tiltag som \
            muligt ift. den oprindelige samarbejdsaftale. Fokus har været på at give den psykiatriske patient samme \
            muligheder ved indlæggelse og udskrivelse som den somatiske.

            Samarbejdet om den gode indlæggelse og udskrivelse skal ske med udgangspunkt i seks principper, der har \
            til formål at skabe bedre muligheder for gode og sammenhængende patientforløb. Principperne er:
            1. Inddragelse af borgeren og de pårørende
            2. Et fælles ansvar at sikre det gode sammenhængende indlæggelses- og udskrivelsesforløb for borgeren
            3. Den gode udskrivelse starter ved indlæggelsen
            4. Videndeling og realistiske oplysninger
            5. Relationsdannelse, gensidig tillid og dialog
            6. Fælles forberedelsestid.

            Implementering og opfølgning

            Klyngerne har ansvaret for den tværsektorielle dialog om implementering af samarbejdsaftalen. Første \
            skridt er at beslutte, hvordan implementering af samarbejdsaftalen bedst omfavnes, da den vedrører \
            indlæggelse og udskrivelse af børn, unge og voksne fra både somatiske hospitaler og psykiatrihospitalet. \
            Som en hjælp er der udarbejdet et huskekort på det psykiatriske område. Der vil også blive udarbejdet et \
            flowchart.

            Erfaringer fra den tværsektorielle implementering i somatikken viser, at bl.a. følgende tiltag opleves at \
            understøtte den gode indlæggelse og udskrivelse:
            • Tilstedeværelse af kommunale nøglepersoner ifm. udskrivning på hospitalet
            • Virtuelle udskrivningskonferencer
            • Indsatser der øger kendskabet til hinanden på tværs af sektorer fx fælles skolebænk, tværsektorielle \
            audits, faglige netværk, udveksling/gensidige besøg og e-læringsprogram
            • Aftalekort som kan udleveres til patienten.

            Der er også fortsat plads til forbedringer, f.eks. nævnes:
            • Bedre kvalitet i dokumentationen i den elektroniske kommunikation - og arbejdet med at højne kvaliteten \
            i den elektroniske kommunikation er et fokusområde i alle klynger
            • Forståelsen og tolkningen af fælles forberedelsestid er vanskelig at omsætte i praksis, blandt andet på \
            grund af de ofte meget komplekse forløb som kalder på individuel håndtering.

            Klyngerne skal årligt give en opfølgning på implementeringen af samarbejdsaftalen til \
            Sundhedsstyregruppen. Første status for den udvidede samarbejdsaftale skal gives primo 2025.

            Hvad er nyt på det psykiatriske område

            Det er aftalt, at relevante oplysninger sendes mellem parterne via korrespondancebreve på det \
            psykiatriske område (gældende MedCom standarder skal fortsat bruges til psykiatriske patienter, der er \
            tilknyttet/skal tilknyttes ældre- og sundhedsområdet i kommunerne). Dette er allerede under \
            implementering på voksenområdet.

            Vurderingen er derfor overordnet, at implementering af samarbejdsaftalen om den gode indlæggelse og \
            udskrivelse bør fokusere på samarbejde, fælles forståelse af samarbejdsprincipperne, indhold i den \
            elektroniske kommunikation, aftaler om arbejdsgange mv. fremfor det tekniske område.

            Desuden kan huskekortet fungere som et godt redskab i forhold til at støtte og skabe ensartethed i \
            implementeringen, da det indeholder fælles, konkrete anvisninger til handlinger ifm. indlæggelse og \
            udskrivelse.

            Implementering af samarbejdsaftalen i Midtklyngen

            Formandskabet for klyngestyregruppen anbefaler, at de tre temagrupper får ansvar for at drøfte, hvad \
            implementeringen af den udvidede samarbejdsaftale om den gode indlæggelse og udskrivelse kalder på med \
            afsæt i følgende spørgsmål:
            • Hvad er nyt i aftalen?
            • Hvilken betydning har det ift. det det vi allerede gør?
            • Er der behov for en tværgående organisering, da aftalen favner alle aldersgrupper inden for både \
            somatik og psykiatri? Og i så tilfælde, at
               – Arbejdet forankres i den eksisterende pixi-gruppe, som til det konkrete arbejde suppleres med \
            medlemmer fra børn og unge samt psykiatrien fra begge sektorer
               – Ad hoc-gruppens indstillinger til konkret implementering godkendes i de tre temagrupper.
            • Skal vi tænke brugerinddragelse ind for at blive klogere på, hvad der er vigtigt for patienten?
            • I givet fald hvordan (skal brugererfaringer holdes op mod principperne, skal det være hvis vi sætter et \
            konkret tiltag i gang osv.)?
            """);

    private static final String PUNKT_13_SAGSFREMSTILLING = t("""
            Der er noteret følgende emner til kommende dagsordener. Klyngestyregruppen bedes kvalificere de foreslåede \
            punkter samt drøfte, om der er andre emner til kommende møder.

            Til kommende møde:
            • Resultater og læring fra det Nationale Ledelsesprogram Hold 2. (kommunalt team)
            • Rammer for rekruttering til hold 4 til det Nationale ledelsesprogram, deadline medio april 2025
            • Status på 72 timers behandlingsansvar – national evaluering uge 37+38
            • Prioritering og udmøntning af fælles klyngemidler
            • Status/slutrapportering ifm. politisk prioriterede projekter
            • Budget 2025 og evt. afledte konsekvenser for det tværsektorielle samarbejde
            • Anbefalinger fra Sundhedsstrukturkommissionen/udspil sundhedsstrukturreform

            Møder i 2025:
            • Status/slutrapportering på politisk prioriterede klyngeprojekter
            • Tværsektorielle forskningsprojekter – erfaringer, lærings- og opmærksomhedspunkter

            Bruttoliste af emner/punkter:
            • Forebyggelse af hoftenære brud og eventuel weekendeffekt (jf. møde i KSG dec. 2020)
            I foråret/sommer 2022 var der risikobaseret tilsyn vedr. hoftenære frakturer (hospital, kommune og almen \
            praksis) – Behandles først i voksentemagruppen, hvorefter resultat evt. kan behandles i \
            Klyngestyregruppen. Foreslås pauseret:
            Der arbejdes internt i HEM med opstart af ortogeriatrien herunder også implementering og monitorering af \
            nye RKKP indikatorer ift. hoftenære lårbensbrud. Det vil først være relevant med evaluering af dette før \
            emnet evt. drøftes igen tværsektorielt.
            • Tematisere erfaringer med forebyggelse af indlæggelser, input fra projekter om fx indsatser fra \
            Præhospitalet eller PRO-data (kan Klyngestyregruppen hjælpe med input?)
            • Kost og ernæring - hvordan samarbejder vi i Midtklyngen om patienter/borgere i ernæringsmæssig risiko?
            Jf. Referat fra KSG møde den 27.10.2023:
            Det foreslås, at der det tager udgangspunkt i vidensdeling – hvad gør man allerede i de forskellige \
            organisationer - og kan vi gøre noget fælles?
            Det kan evt. starte i voksentemagruppen for somatik og afhængig af behov kan det tages op i \
            klyngestyregruppen. Der opleves nogle gange problemer med sektorovergange ift. dysfagipatienter, hvor det \
            ikke er tilstrækkelig tydeligt hvilken problematik, der udskrives med til kommunen.
            • Datapakker og arbejde med data/indikatorer i Midtklyngen
            Skal en vinkel på/oplæg
            https://www.esundhed.dk/Emner/Sundhedsdata-paa-tvaers/Sundhedsdata-paa-tvaers-Noegletal
            • Samarbejdsaftale om børn og unge der lever med overvægt (primo 2024)
            """);

    private static final String PUNKT_15_SAGSFREMSTILLING = t("""
            Styrkelse af tværsektoriel patientsikkerhed via arbejdet i patientsikkerhedsklyngerne

            Der orienteres om at KSG formandskabet har besluttet:
            • at nedenstående sagsfremstilling og udkast til kommissorium for Patientsikkerhedsklyngerne sendes til \
            skriftlig orientering med mulighed for kommentering i alle tre temagrupper. Derudover forankres den \
            faglige arbejdsgruppe for patientsikkerhed (PS klynge) i voksentemagruppen, hvor den også er tilknyttet \
            som en netværksgruppe i dag. PS klyngens arbejde er relevant for alle tre temagrupper, men der er behov \
            for et mere tydeligt ophæng.
            • at fællessekretariatet samler temagruppernes bemærkninger og fremsender til Koncern Kvalitet

            Baggrund

            Siden 2004 har sundhedspersoner på offentlige sygehuse haft pligt til at rapportere utilsigtede hændelser \
            (UTH) i Dansk Patientsikkerhedsdatabase (DPSD). I 2010 blev ordningen udvidet, så bl.a. også \
            praksissektoren og den kommunale sektor fik pligt til at rapportere UTH

            Det tværsektorielle samarbejde om patientsikkerhed

            I Region Midtjylland samarbejder kommuner og hospitaler målrettet om patientsikkerhed i de fem \
            tværsektorielle arbejdsgrupper for patientsikkerhed (herefter kaldet PS-klynger). De enkelte PS-klynger \
            havde oprindeligt reference til de daværende klyngestyregrupper (nu sundhedsklyngernes fagligt \
            strategiske niveau). Denne reference er i dag kun bevaret i Gødstrupklyngen og i Midtklyngen. Desuden \
            indgik de fem PS-klynger indtil 2019 i det nu nedlagte tværsektorielle netværk (TSN), som havde \
            reference til Sundhedsstyregruppen.

            Hver af de fem PS-klynger er solidt organiseret med regelmæssig mødekadence. Desuden er alle \
            PS-klyngerne repræsenteret i den regionale patientsikkerhedsgruppe (PS-gruppen) med regionens \
            risikomanagere i et etableret samarbejde forankret i regionen.

            Ønsket om en formaliseret reference til sundhedsklyngerne

            For at styrke patientsikkerheden i patientforløb på tværs af sektorer er det imidlertid nødvendigt at \
            hver af de fem PS-grupper får en formaliseret reference til den respektive sundhedsklynge. PS-klyngerne \
            ønsker derfor at sundhedsklyngerne giver input og godkender det vedlagte fælles kommissorium for \
            PS-klyngerne, som er udarbejdet på baggrund af de fem PS-klyngers hidtidige kommissorier.

            Heri indgår, at PS-klyngerne igen formelt har reference til den respektive sundhedsklynges fagligt \
            strategiske niveau, samt at de kan indstille emner og problematikker om patientsikkerhed til drøftelse \
            og evt. videre handling i sundhedsklyngen, ligesom sundhedsklyngen kan lægge opgaver og emner til \
            drøftelse og kvalificering i PS-klyngen.

            Sundhedsstyregruppen er orienteret om PS-klyngernes virkefelt og om udkastet til det fælles \
            kommissorium.
            """);

    // ---------------------------------------------------------------------------------------------------------

    private static AgendaItemDetails details(String title, ItemKind kind, String timeSlot, String presenter,
                                             List<String> recommendations, String caseDescription, String economy,
                                             List<Attachment> attachments) {
        return new AgendaItemDetails(title, kind, Visibility.OPEN, timeSlot, presenter, recommendations,
                caseDescription, economy, attachments);
    }

    private static Member member(String name, String title, String organisation, CommitteeRole role) {
        return new Member(memberId(name), name, title, organisation, role);
    }

    private static Guest guest(String name, String title, String organisation, Integer... items) {
        return new Guest(guestId(name), name, title, organisation, List.of(items));
    }

    /** A text block without its trailing line break. */
    private static String t(String text) {
        return text.strip();
    }

    /** "Helle Trangbæk" → "helle-trangbaek", "Lars F. Nørgaard" → "lars-f-noergaard". */
    static String slug(String name) {
        String s = name.toLowerCase(Locale.ROOT)
                .replace("æ", "ae").replace("ø", "oe").replace("å", "aa");
        s = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return s.replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
}
