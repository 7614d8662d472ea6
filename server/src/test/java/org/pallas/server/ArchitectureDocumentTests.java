package org.pallas.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.pallas.server.platform.RecordedAs;
import org.pallas.server.platform.RecordedChange;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * {@code docs/architecture.md} is generated from the Spring Modulith model of the server (modules, the dependencies
 * each may and does have, its API types, the events it publishes and the ones it listens to), and this test fails
 * when the committed file is stale. Regenerate it with
 * {@code ./mvnw -B -ntp -pl server -am verify -Dtest=ArchitectureDocumentTests -Dsurefire.failIfNoSpecifiedTests=false -Dpallas.write-architecture=true}.
 */
class ArchitectureDocumentTests {

    static final Path DOCUMENT = Path.of("../docs/architecture.md");

    @Test
    void theCommittedArchitectureDocumentIsCurrent() throws IOException {
        String current = render(ModularityTests.MODULES);
        if (Boolean.getBoolean("pallas.write-architecture")) {
            Files.writeString(DOCUMENT, current, StandardCharsets.UTF_8);
        }
        assertThat(Files.exists(DOCUMENT)).as(DOCUMENT + " exists").isTrue();
        assertThat(Files.readString(DOCUMENT, StandardCharsets.UTF_8))
                .as("docs/architecture.md is stale: regenerate it (see this test's Javadoc)")
                .isEqualTo(current);
    }

    @Test
    void theDocumentNamesEveryModuleAndTheEventsBetweenThem() {
        String document = render(ModularityTests.MODULES);
        ModularityTests.MODULES.forEach(m -> assertThat(document).contains("## " + m.getDisplayName()));
        assertThat(document)
                .contains(
                        "`LicensingChanged.CaseFinalised` (`licensing.case.case-finalised`)",
                        "`ScreenedParties` on `ScreeningChanged.AlertOpened` (screening), after commit");
    }

    static String render(ApplicationModules modules) {
        List<ApplicationModule> sorted = modules.stream()
                .sorted(Comparator.comparing(m -> m.getIdentifier().toString()))
                .toList();
        StringBuilder out = new StringBuilder();
        out.append("# Architecture\n\n")
                .append(
                        "<!-- Generated from the Spring Modulith model by ArchitectureDocumentTests; do not edit by hand. -->\n\n")
                .append(
                        "The server is one Spring Modulith module per capability under `org.pallas.server` (ADR 0001). A module\n")
                .append(
                        "may use only the modules it declares in `allowedDependencies` and only their API: the public types of\n")
                .append(
                        "their base package. Modules talk through typed events: every state change is a record implementing\n")
                .append(
                        "`RecordedChange` with its ledger record type in `@RecordedAs`; the ledger records each in the\n")
                .append(
                        "transaction that makes it. Listeners marked after commit run once the change has committed, in their\n")
                .append("own transaction, and are redelivered from the event publication registry if they fail.\n\n")
                .append("| Module | Package | May depend on | Depends on |\n| --- | --- | --- | --- |\n");
        for (ApplicationModule m : sorted) {
            out.append("| ")
                    .append(m.getDisplayName())
                    .append(" | `")
                    .append(m.getBasePackage().getName())
                    .append("` | ")
                    .append(list(allowed(m, modules)))
                    .append(" | ")
                    .append(list(dependencies(m, modules)))
                    .append(" |\n");
        }
        for (ApplicationModule m : sorted) {
            out.append("\n## ")
                    .append(m.getDisplayName())
                    .append(" (`")
                    .append(m.getIdentifier())
                    .append("`)\n\n");
            out.append("API: ").append(codes(api(m))).append("\n\n");
            List<String> published = published(m, modules);
            out.append("Publishes:").append(published.isEmpty() ? " nothing\n" : "\n\n");
            published.forEach(p -> out.append("- ").append(p).append('\n'));
            List<String> listeners = listeners(m, modules);
            out.append("\nListens:").append(listeners.isEmpty() ? " to nothing\n" : "\n\n");
            listeners.forEach(l -> out.append("- ").append(l).append('\n'));
        }
        return out.toString();
    }

    private static List<String> allowed(ApplicationModule m, ApplicationModules modules) {
        return m.getAllowedDependencies(modules).stream()
                .map(d -> d.getTargetModule())
                .filter(d -> !d.equals(m))
                .map(d -> d.getIdentifier().toString())
                .sorted()
                .distinct()
                .toList();
    }

    private static List<String> dependencies(ApplicationModule m, ApplicationModules modules) {
        return m.getDirectDependencies(modules)
                .uniqueModules()
                .map(d -> d.getIdentifier().toString())
                .sorted()
                .toList();
    }

    /** Top-level public types of the base package (events are listed apart). */
    private static List<String> api(ApplicationModule m) {
        return m.getNamedInterfaces().stream()
                .filter(i -> i.isUnnamed())
                .flatMap(i -> i.asJavaClasses())
                .filter(c -> c.getModifiers().contains(com.tngtech.archunit.core.domain.JavaModifier.PUBLIC))
                .filter(c -> c.isTopLevelClass())
                .map(JavaClass::getSimpleName)
                .sorted()
                .distinct()
                .toList();
    }

    private static List<String> published(ApplicationModule m, ApplicationModules modules) {
        return ModularityTests.CLASSES.stream()
                .filter(c -> c.isAssignableTo(RecordedChange.class) && !c.isInterface() && in(m, modules, c))
                .map(c -> "`" + name(c.reflect()) + "` (`"
                        + c.reflect().getAnnotation(RecordedAs.class).type() + "`)")
                .sorted()
                .toList();
    }

    private static List<String> listeners(ApplicationModule m, ApplicationModules modules) {
        List<String> out = new ArrayList<>();
        for (JavaClass type : ModularityTests.CLASSES) {
            if (!in(m, modules, type)) {
                continue;
            }
            for (Method method : type.reflect().getDeclaredMethods()) {
                if (!AnnotatedElementUtils.hasAnnotation(method, EventListener.class)
                        || method.getParameterCount() != 1) {
                    continue;
                }
                Class<?> event = method.getParameterTypes()[0];
                if (!event.getName().startsWith("org.pallas.")) {
                    continue;
                }
                String from = modules.getModuleByType(event.getName())
                        .map(e -> e.getIdentifier().toString())
                        .orElse("?");
                boolean afterCommit = AnnotatedElementUtils.hasAnnotation(method, TransactionalEventListener.class);
                out.add("`" + name(type.reflect()) + "` on `" + name(event) + "` (" + from + "), "
                        + (afterCommit ? "after commit" : "in the publishing transaction"));
            }
        }
        return out.stream().sorted().distinct().toList();
    }

    private static boolean in(ApplicationModule m, ApplicationModules modules, JavaClass type) {
        return modules.getModuleByType(type.getName()).filter(m::equals).isPresent();
    }

    private static String name(Class<?> type) {
        return type.getName().substring(type.getPackageName().length() + 1).replace('$', '.');
    }

    private static String list(List<String> items) {
        return items.isEmpty() ? "–" : String.join(", ", items);
    }

    private static String codes(List<String> items) {
        return items.isEmpty() ? "none" : items.stream().map(i -> "`" + i + "`").collect(Collectors.joining(", "));
    }
}
