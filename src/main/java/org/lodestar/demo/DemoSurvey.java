package org.lodestar.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.lodestar.directory.SignedInUser;
import org.lodestar.engagement.EngagementApi;
import org.lodestar.engagement.SurveyQuestionKind;
import org.lodestar.engagement.SurveyQuestionSetup;
import org.lodestar.engagement.SurveySampleResponse;
import org.lodestar.engagement.SurveySetup;
import org.lodestar.needs.Assessment;
import org.lodestar.needs.NeedsApi;
import org.lodestar.planning.Consultation.Audience;

/**
 * The demo's "Family and staff survey 2025-26": eight questions in English and Spanish, open until two weeks after the
 * first start, linked to the district's 2025-26 needs assessment when there is one, and 300 responses generated from a
 * fixed seed over the six weeks before the first start: families most, teachers, students, and so few staff and
 * community members that their results show only inside "all". Its introduction says it is sample data.
 */
final class DemoSurvey {

    private static final long SEED = 202526L;

    /** Responses by audience: staff and community too few to show apart (and together enough to hide nothing else). */
    private static final Map<Audience, Integer> RESPONSES = new LinkedHashMap<>();

    static {
        RESPONSES.put(Audience.FAMILIES, 170);
        RESPONSES.put(Audience.TEACHERS, 64);
        RESPONSES.put(Audience.STUDENTS, 52);
        RESPONSES.put(Audience.STAFF, 8);
        RESPONSES.put(Audience.COMMUNITY, 6);
    }

    /** What respondents say is working, in English. */
    private static final List<String> WORKING_EN = List.of(
            "The teachers really care about my kids and it shows.",
            "The after-school tutoring in math has helped my son a lot.",
            "Text messages about early dismissal days are very helpful.",
            "The new reading intervention groups are making a difference.",
            "The front office staff are friendly and patient.",
            "Breakfast in the classroom means my daughter starts the day ready to learn.",
            "The counselor checks in with students who are struggling.",
            "Family reading nights were a great way to meet other parents.",
            "Chromebooks for every student made homework much easier.",
            "The principal is visible at drop-off and knows the kids by name.",
            "Attendance awards have motivated my kids to be on time.",
            "Teachers reply to emails within a day.");

    /** What respondents would change, in English. */
    private static final List<String> CHANGE_EN = List.of(
            "The school bus is late almost every week and my child misses the start of class.",
            "Please add a second bus route for the north side of town.",
            "We lost three teachers in the middle of the year; the turnover is hard on the kids.",
            "My child has had four different substitutes in math this year.",
            "Lunch is too short: many kids do not finish eating before recess.",
            "The lunch menu needs more fresh fruit and vegetables.",
            "There is not enough mental health support; the counselor is shared by too many students.",
            "Students need someone to talk to about anxiety and stress.",
            "Communication comes through too many channels: email, app, paper, texts. Pick one.",
            "I only hear from the school when something is wrong.",
            "The pickup line is unsafe; cars block the crosswalk.",
            "Bullying on the bus is not taken seriously enough.",
            "Tutoring fills up in the first week; please offer more slots.",
            "More help for students who are behind in reading, not only before state tests.",
            "The Wi-Fi at school drops constantly and the laptops are old.",
            "Families without internet at home cannot do the online homework.",
            "Chronic absences should be followed up with a call home, not just an automated message.",
            "Start times are too early for teenagers; attendance in first period suffers.",
            "Teachers need more planning time and smaller classes to stay.",
            "Please translate report cards and meeting notices into Spanish.");

    /** What respondents say is working, in Spanish. */
    private static final List<String> WORKING_ES = List.of(
            "Los maestros se preocupan mucho por mis hijos.",
            "Las tutorías de matemáticas después de clases han ayudado mucho a mi hijo.",
            "Los mensajes de texto en español me mantienen informada.",
            "La enlace bilingüe con las familias siempre me ayuda a entender lo que pasa.",
            "El desayuno en el salón ayuda a que mi hija empiece bien el día.",
            "Las noches de lectura en familia fueron muy bonitas.",
            "La consejera habla con los estudiantes que tienen problemas.",
            "Las computadoras para cada estudiante facilitan las tareas.",
            "La directora saluda a los niños en la entrada todas las mañanas.",
            "Las clases de inglés para padres son muy útiles.");

    /** What respondents would change, in Spanish. */
    private static final List<String> CHANGE_ES = List.of(
            "El autobús llega tarde casi todas las semanas y mi hijo pierde el inicio de clases.",
            "Necesitamos otra ruta de autobús para nuestro vecindario.",
            "Cambian mucho los maestros; a mitad de año mi hija tuvo tres maestras distintas.",
            "El tiempo para almorzar es muy corto y los niños no terminan de comer.",
            "La comida de la cafetería debería tener más fruta y verdura fresca.",
            "Hace falta más apoyo de salud mental para los estudiantes.",
            "Mi hijo sufre de ansiedad y no hay suficiente ayuda en la escuela.",
            "Por favor, envíen toda la información en español, también las calificaciones.",
            "Solo me llaman cuando hay un problema con mi hijo.",
            "La fila para recoger a los niños es peligrosa; los carros no respetan el cruce.",
            "Hay acoso en el autobús y nadie hace nada.",
            "Más tutorías y apoyo en lectura para los que van atrasados.",
            "No tenemos internet en casa y las tareas son en línea.",
            "Cuando mi hijo falta, deberían llamarme en vez de mandar un mensaje automático.",
            "Las reuniones de padres son a una hora en la que trabajamos; ofrezcan otras horas.",
            "Los maestros necesitan más apoyo para quedarse en la escuela.");

    private static final List<String> OPENINGS_EN =
            List.of("", "", "", "Honestly, ", "As a parent of two, ", "Overall: ", "One thing: ");
    private static final List<String> ENDINGS_EN = List.of(
            "", "", "", " Thank you.", " This matters a lot to our family.", " It has been like this for years.");
    private static final List<String> OPENINGS_ES =
            List.of("", "", "", "Sinceramente, ", "Como madre de tres, ", "En general: ");
    private static final List<String> ENDINGS_ES =
            List.of("", "", "", " Gracias.", " Es muy importante para nosotros.");

    private final EngagementApi engagement;
    private final NeedsApi needs;
    private final SignedInUser planner;
    private final Random random = new Random(SEED);

    DemoSurvey(EngagementApi engagement, NeedsApi needs, SignedInUser planner) {
        this.engagement = engagement;
        this.needs = needs;
        this.planner = planner;
    }

    void load() {
        UUID assessment = needs.assessments(planner.districtId()).stream()
                .filter(a -> a.schoolId() == null && a.schoolYear() == 2025)
                .map(Assessment::id)
                .findFirst()
                .orElse(null);
        LocalDate today = LocalDate.now(ZoneId.systemDefault());
        UUID survey = engagement.addSurvey(
                planner,
                new SurveySetup(
                        "Family and staff survey 2025-26",
                        "Encuesta a familias y personal 2025-26",
                        "Sample data: this survey and its 300 answers were generated for the demo district. Tell us"
                                + " how the year is going: your answers shape the district's improvement plan for"
                                + " next year. It takes about five minutes.",
                        "Datos de muestra: esta encuesta y sus 300 respuestas se generaron para el distrito de"
                                + " demostración. Cuéntenos cómo va el año: sus respuestas orientan el plan de mejora"
                                + " del distrito para el próximo año. Toma unos cinco minutos.",
                        List.copyOf(RESPONSES.keySet()),
                        today.plusDays(14),
                        assessment),
                questions(),
                true);
        engagement.addSampleResponses(planner, survey, responses());
    }

    private static List<SurveyQuestionSetup> questions() {
        return List.of(
                likert("My school is a safe and welcoming place.", "Mi escuela es un lugar seguro y acogedor."),
                likert(
                        "The school communicates with me clearly and in my language.",
                        "La escuela se comunica conmigo con claridad y en mi idioma."),
                likert(
                        "Students who fall behind get the extra help they need (tutoring, intervention).",
                        "Los estudiantes que se atrasan reciben la ayuda adicional que necesitan (tutorías, intervención)."),
                new SurveyQuestionSetup(
                        SurveyQuestionKind.SINGLE,
                        "What should be the district's top priority next year?",
                        "¿Cuál debería ser la prioridad principal del distrito el próximo año?",
                        List.of(
                                "Attendance",
                                "Tutoring and academic support",
                                "Mental health support",
                                "School safety",
                                "Communication with families",
                                "Keeping good teachers"),
                        List.of(
                                "Asistencia",
                                "Tutorías y apoyo académico",
                                "Apoyo de salud mental",
                                "Seguridad escolar",
                                "Comunicación con las familias",
                                "Retener a buenos maestros"),
                        null),
                new SurveyQuestionSetup(
                        SurveyQuestionKind.MULTIPLE,
                        "How would you like to hear from the school?",
                        "¿Cómo le gustaría recibir noticias de la escuela?",
                        List.of("Text message", "Email", "Phone call", "The school app", "Paper notes home"),
                        List.of(
                                "Mensaje de texto",
                                "Correo electrónico",
                                "Llamada telefónica",
                                "La aplicación de la escuela",
                                "Notas en papel"),
                        null),
                new SurveyQuestionSetup(
                        SurveyQuestionKind.RATING,
                        "How likely are you to recommend your school to a friend? (0 = not at all, 10 = certainly)",
                        "¿Qué tan probable es que recomiende su escuela a un amigo? (0 = nada, 10 = seguro)",
                        List.of(),
                        List.of(),
                        10),
                new SurveyQuestionSetup(
                        SurveyQuestionKind.OPEN,
                        "What is working well at your school?",
                        "¿Qué está funcionando bien en su escuela?",
                        List.of(),
                        List.of(),
                        null),
                new SurveyQuestionSetup(
                        SurveyQuestionKind.OPEN,
                        "What is one thing we should change next year?",
                        "¿Qué es algo que deberíamos cambiar el próximo año?",
                        List.of(),
                        List.of(),
                        null));
    }

    private static SurveyQuestionSetup likert(String en, String es) {
        return new SurveyQuestionSetup(SurveyQuestionKind.LIKERT, en, es, List.of(), List.of(), null);
    }

    private List<SurveySampleResponse> responses() {
        Instant firstStart = Instant.now();
        List<SurveySampleResponse> responses = new ArrayList<>();
        RESPONSES.forEach((audience, count) -> {
            for (int i = 0; i < count; i++) {
                responses.add(response(audience, firstStart));
            }
        });
        return responses;
    }

    private SurveySampleResponse response(Audience audience, Instant firstStart) {
        boolean spanish = random.nextDouble()
                < switch (audience) {
                    case FAMILIES -> 0.42;
                    case STUDENTS -> 0.2;
                    case COMMUNITY -> 0.35;
                    default -> 0.08;
                };
        // most answers come in the first two weeks after the survey went out, six weeks before the first start
        double spread = Math.pow(random.nextDouble(), 1.8);
        Instant at = firstStart.minus(Duration.ofDays(42)).plus(Duration.ofMinutes((long) (spread * 39 * 24 * 60)));
        // staff and teachers feel less safe about turnover and support than families; students are in between
        double mood = switch (audience) {
                    case FAMILIES -> 0.35;
                    case TEACHERS, STAFF -> -0.1;
                    case STUDENTS -> 0.1;
                    default -> 0.2;
                }
                + random.nextGaussian() * 0.6;
        Map<Integer, List<Integer>> choices = new LinkedHashMap<>();
        Map<Integer, String> texts = new LinkedHashMap<>();
        double[] leanings = {0.3, spanish ? -0.35 : 0.15, -0.45};
        for (int q = 0; q < 3; q++) {
            if (random.nextDouble() < 0.96) {
                choices.put(q, List.of(likertPoint(mood + leanings[q])));
            }
        }
        choices.put(3, List.of(priority(audience)));
        List<Integer> channels = new ArrayList<>();
        double[] likes = {spanish ? 0.75 : 0.6, spanish ? 0.25 : 0.55, spanish ? 0.4 : 0.15, 0.3, spanish ? 0.3 : 0.1};
        for (int c = 0; c < likes.length; c++) {
            if (random.nextDouble() < likes[c]) {
                channels.add(c);
            }
        }
        if (!channels.isEmpty() && audience != Audience.STUDENTS) {
            choices.put(4, channels);
        }
        int recommend = (int) Math.round(7.2 + mood * 2.4 + random.nextGaussian() * 1.2);
        choices.put(5, List.of(Math.max(0, Math.min(10, recommend))));
        if (random.nextDouble() < 0.38) {
            texts.put(6, comment(spanish ? WORKING_ES : WORKING_EN, spanish));
        }
        if (random.nextDouble() < 0.55) {
            texts.put(7, comment(spanish ? CHANGE_ES : CHANGE_EN, spanish));
        }
        return new SurveySampleResponse(audience, spanish ? "es" : "en", at, choices, texts);
    }

    private int likertPoint(double leaning) {
        double value = 3.4 + leaning * 1.3 + random.nextGaussian() * 0.8;
        return (int) Math.max(1, Math.min(5, Math.round(value)));
    }

    /** Families ask first for tutoring and communication, teachers for keeping teachers and mental health. */
    private int priority(Audience audience) {
        double[] weights = switch (audience) {
            case TEACHERS, STAFF -> new double[] {1, 2, 3, 1, 1, 4};
            case STUDENTS -> new double[] {1, 2, 4, 2, 0.5, 1};
            default -> new double[] {2, 4, 2, 2, 3, 1.5};
        };
        double total = 0;
        for (double weight : weights) {
            total += weight;
        }
        double pick = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            pick -= weights[i];
            if (pick < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    private String comment(List<String> texts, boolean spanish) {
        String text = texts.get(random.nextInt(texts.size()));
        return phrased(random, text, spanish ? OPENINGS_ES : OPENINGS_EN, spanish ? ENDINGS_ES : ENDINGS_EN);
    }

    /** A sample answer written as people write: a text with an opening and an ending drawn (each maybe none). */
    static String phrased(Random random, String text, List<String> openings, List<String> endings) {
        String opening = openings.get(random.nextInt(openings.size()));
        String said = opening.isEmpty() ? text : opening + Character.toLowerCase(text.charAt(0)) + text.substring(1);
        return said + endings.get(random.nextInt(endings.size()));
    }
}
