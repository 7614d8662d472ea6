package org.pallas.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.pallas.server.TestCast.Who;
import org.pallas.server.identity.AccessTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The tenant-isolation matrix: every row (from every {@link IsolationRows} on the test classpath) is
 * requested by every kind of caller, including a second exporter, and must answer the expected status.
 * The guard fails when the running application has a request mapping without a row.
 */
@PallasTest
class TenantIsolationMatrixTests {

    private static final Pattern VARIABLE = Pattern.compile("\\{([^}/]+)}");
    private static final Pattern FIXTURE = Pattern.compile("@(orgA|orgB|userA|userB|tokenA|random)\\b");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccessTokens tokens;

    @Autowired
    ApplicationContext context;

    private TestCast cast;

    @BeforeEach
    void cast() {
        cast = new TestCast(jdbc, tokens);
    }

    /** All rows of all modules, found on the test classpath. */
    static List<IsolationRow> allRows() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AssignableTypeFilter(IsolationRows.class));
        List<IsolationRow> rows = new ArrayList<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents("org.pallas.server")) {
            try {
                var type = Class.forName(candidate.getBeanClassName()).asSubclass(IsolationRows.class);
                var constructor = type.getDeclaredConstructor();
                constructor.setAccessible(true);
                rows.addAll(constructor.newInstance().rows());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("Cannot instantiate " + candidate.getBeanClassName(), e);
            }
        }
        return rows;
    }

    @TestFactory
    Stream<DynamicTest> everyRowAnswersEachCallerWithTheExpectedStatus() {
        List<IsolationRow> rows = allRows();
        assertThat(rows).hasSizeGreaterThan(30);
        return rows.stream().map(row -> dynamicTest(row.toString(), () -> check(row)));
    }

    private void check(IsolationRow row) throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Who who : Who.values()) {
            int expected = row.expected().get(who);
            int actual = perform(row, who);
            if (actual != expected) {
                wrong.add(who.key + ": expected " + expected + " but got " + actual);
            }
        }
        assertThat(wrong).as(row.toString()).isEmpty();
    }

    private int perform(IsolationRow row, Who who) throws Exception {
        String path = row.pattern();
        Matcher m = VARIABLE.matcher(path);
        StringBuilder uri = new StringBuilder();
        while (m.find()) {
            String value = row.variables().get(m.group(1));
            if (value == null) {
                throw new IllegalArgumentException("Row " + row + " does not bind {" + m.group(1) + "}");
            }
            m.appendReplacement(uri, Matcher.quoteReplacement(fixtures(value)));
        }
        m.appendTail(uri);
        MockHttpServletRequestBuilder request =
                MockMvcRequestBuilders.request(HttpMethod.valueOf(row.method()), uri.toString());
        if (row.body() != null) {
            String unique = UUID.randomUUID().toString().substring(0, 8);
            request.contentType(row.contentType()).content(fixtures(row.body().replace("{unique}", unique)));
        }
        if (!row.bearer() && !row.method().equals("GET")) {
            request.with(csrf());
        }
        return mvc.perform(cast.as(who, request, row.bearer()))
                .andReturn()
                .getResponse()
                .getStatus();
    }

    private String fixtures(String text) {
        Matcher m = FIXTURE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(
                    out,
                    switch (m.group(1)) {
                        case "orgA" ->
                            cast.organisationOf(Who.EXPORTER_A.username).toString();
                        case "orgB" ->
                            cast.organisationOf(Who.EXPORTER_B.username).toString();
                        case "userA" -> cast.userId("northbridge.patel").toString();
                        case "userB" -> cast.userId("calder.fischer").toString();
                        case "tokenA" ->
                            tokens.issue(cast.caller(Who.EXPORTER_A), "matrix")
                                    .id()
                                    .toString();
                        default -> UUID.randomUUID().toString();
                    });
        }
        m.appendTail(out);
        return out.toString();
    }

    @Test
    void everyRequestMappingOfTheApplicationHasARow() {
        List<IsolationRow> rows = allRows();
        Set<String> covered = new HashSet<>();
        Set<String> coveredPatterns = new HashSet<>();
        rows.forEach(r -> {
            covered.add(r.method() + " " + r.pattern());
            coveredPatterns.add(r.pattern());
        });
        Set<String> missing = new TreeSet<>();
        Set<String> mapped = new HashSet<>();
        for (RequestMappingHandlerMapping mapping :
                context.getBeansOfType(RequestMappingHandlerMapping.class).values()) {
            for (Map.Entry<RequestMappingInfo, ?> entry :
                    mapping.getHandlerMethods().entrySet()) {
                RequestMappingInfo info = entry.getKey();
                for (String pattern : info.getPatternValues()) {
                    mapped.add(pattern);
                    if (info.getMethodsCondition().getMethods().isEmpty()) {
                        if (!coveredPatterns.contains(pattern)) {
                            missing.add("row(\"GET " + pattern + "\")   // any method; handler " + entry.getValue());
                        }
                    }
                    info.getMethodsCondition().getMethods().forEach(method -> {
                        if (!covered.contains(method.name() + " " + pattern)) {
                            missing.add(
                                    "row(\"" + method.name() + " " + pattern + "\")   // handler " + entry.getValue());
                        }
                    });
                }
            }
        }
        assertThat(mapped).as("the application's request mappings").hasSizeGreaterThan(20);
        assertThat(missing)
                .as("endpoints without a row in any IsolationRows (add one line each)")
                .isEmpty();
        List<String> stale = rows.stream()
                .map(IsolationRow::pattern)
                .filter(p -> !p.startsWith("/actuator/") && !mapped.contains(p))
                .distinct()
                .sorted(Comparator.naturalOrder())
                .toList();
        assertThat(stale)
                .as("rows whose pattern is no request mapping (typo or removed endpoint)")
                .isEmpty();
    }
}
