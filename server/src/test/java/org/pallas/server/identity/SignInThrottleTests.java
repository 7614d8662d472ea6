package org.pallas.server.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pallas.licensing.TestClock;
import org.pallas.server.PallasTest;
import org.pallas.server.TestCast;
import org.pallas.server.platform.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Issue 13: sign-in is throttled per username and source, so an outsider cannot lock a user out. Addresses
 * are from the documentation ranges (RFC 5737); MockMvc sends nothing anywhere.
 */
@PallasTest
class SignInThrottleTests {

    static final String PASSWORD = "a sound passphrase";
    static final String OWNER_ADDRESS = "203.0.113.5";
    static final String ATTACKER_ADDRESS = "198.51.100.23";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccessTokens tokens;

    @Autowired
    Users users;

    private TestCast cast;

    @BeforeEach
    void cast() {
        cast = new TestCast(jdbc, tokens);
    }

    private ResultActions token(String username, String password, String address, Cookie... cookies) throws Exception {
        var request = post("/api/v1/tokens")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}")
                .with(r -> {
                    r.setRemoteAddr(address);
                    return r;
                });
        if (cookies.length > 0) {
            request.cookie(cookies);
        }
        return mvc.perform(request);
    }

    /** Signs in over the API from the address and returns the device cookie the server set. */
    private Cookie signInForDevice(String username, String address) throws Exception {
        MockHttpServletResponse response = token(username, PASSWORD, address)
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse();
        Cookie device = response.getCookie(SignInSource.DEVICE_COOKIE);
        assertThat(device).as("device cookie").isNotNull();
        return device;
    }

    @Test
    void anAttackerFromAnotherSourceCannotLockTheOwnerOut() throws Exception {
        String owner = cast.newUser(users, "northbridge.lee", PASSWORD, Role.EXPORTER);
        for (int i = 0; i < 4; i++) {
            token(owner, "guess " + i, ATTACKER_ADDRESS).andExpect(status().isUnauthorized());
        }
        for (int i = 4; i < 10; i++) {
            token(owner, "guess " + i, ATTACKER_ADDRESS).andExpect(status().isTooManyRequests());
        }
        // The attacker's own pair is paused, even for the right password...
        token(owner, PASSWORD, ATTACKER_ADDRESS).andExpect(status().isTooManyRequests());
        // ...but the owner, from their own address and with no device cookie yet, signs in at once.
        token(owner, PASSWORD, OWNER_ADDRESS).andExpect(status().isCreated());
    }

    @Test
    void attemptsDuringAPauseAreRefusedUncheckedAndDoNotLengthenIt() throws Exception {
        String owner = cast.newUser(users, "calder.weber", PASSWORD, Role.EXPORTER);
        for (int i = 0; i < 5; i++) {
            token(owner, "guess " + i, ATTACKER_ADDRESS);
        }
        int failures = jdbc.sql("select failures from sign_in_pause where username_key = :u")
                .param("u", SignInThrottle.key(owner))
                .query(Integer.class)
                .single();
        for (int i = 0; i < 5; i++) {
            token(owner, "more " + i, ATTACKER_ADDRESS).andExpect(status().isTooManyRequests());
        }
        assertThat(jdbc.sql("select failures from sign_in_pause where username_key = :u")
                        .param("u", SignInThrottle.key(owner))
                        .query(Integer.class)
                        .single())
                .isEqualTo(failures)
                .isEqualTo(5);
    }

    @Test
    void thePauseStartsAtThirtySecondsAndDoublesWithEachFailureUpToFifteenMinutes() {
        TestClock clock = new TestClock(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        SignInThrottle throttle = new SignInThrottle(
                jdbc, clock, 5, Duration.ofSeconds(30), Duration.ofMinutes(15), 50, Duration.ofDays(180));
        String username = "doubling-" + System.nanoTime();
        SignInThrottle.Source source = throttle.source(username, new SignInSource("192.0.2.44", Optional.empty()));
        for (int i = 0; i < 4; i++) {
            assertThat(throttle.fail(username, source)).as("failure " + (i + 1)).isEmpty();
        }
        assertThat(throttle.pausedUntil(username, source)).isEmpty();
        List<Duration> pauses = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Instant now = clock.instant();
            Instant until = throttle.fail(username, source).orElseThrow();
            pauses.add(Duration.between(now, until));
            assertThat(throttle.pausedUntil(username, source)).contains(until);
            clock.advance(Duration.between(now, until).minusSeconds(1));
            assertThat(throttle.pausedUntil(username, source))
                    .as("a second before its end")
                    .contains(until);
            clock.advance(Duration.ofSeconds(1));
            assertThat(throttle.pausedUntil(username, source)).as("at its end").isEmpty();
        }
        assertThat(pauses)
                .containsExactly(
                        Duration.ofSeconds(30),
                        Duration.ofMinutes(1),
                        Duration.ofMinutes(2),
                        Duration.ofMinutes(4),
                        Duration.ofMinutes(8),
                        Duration.ofMinutes(15),
                        Duration.ofMinutes(15),
                        Duration.ofMinutes(15));
        // Another source for the same username is not paused at all.
        assertThat(throttle.pausedUntil(
                        username, throttle.source(username, new SignInSource("192.0.2.45", Optional.empty()))))
                .isEmpty();
    }

    @Test
    void aUsernameTypedOnceIsForgottenOnceItsFailuresNoLongerCount() {
        TestClock clock = new TestClock(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        SignInThrottle throttle = new SignInThrottle(
                jdbc, clock, 5, Duration.ofSeconds(30), Duration.ofMinutes(15), 50, Duration.ofDays(180));
        SignInSource from = new SignInSource("192.0.2.46", Optional.empty());
        String once = "typed-once-" + System.nanoTime();
        throttle.fail(once, throttle.source(once, from));
        assertThat(rowsAbout(once)).isEqualTo(2);

        clock.advance(Duration.ofHours(25));
        String later = "typed-later-" + System.nanoTime();
        throttle.fail(later, throttle.source(later, from));
        assertThat(rowsAbout(once)).isZero();
        assertThat(rowsAbout(later)).isEqualTo(2);
    }

    private long rowsAbout(String username) {
        return jdbc.sql("""
                        select (select count(*) from sign_in_pause where username_key = :u)
                             + (select count(*) from sign_in_hourly_failures where username_key = :u)""")
                .param("u", SignInThrottle.key(username))
                .query(Long.class)
                .single();
    }

    @Test
    void aKnownDeviceStillSignsInWhenUnknownSourcesHaveUsedUpTheUsernamesHourlyFailures() throws Exception {
        String owner = cast.newUser(users, "northbridge.lee", PASSWORD, Role.EXPORTER);
        Cookie device = signInForDevice(owner, OWNER_ADDRESS);
        // A spray from 50 addresses, each staying under the per-source pause.
        for (int i = 1; i <= 50; i++) {
            token(owner, "spray", "198.51.100." + i)
                    .andExpect(i < 50 ? status().isUnauthorized() : status().isTooManyRequests());
        }
        // Now only known devices may try this username: a new address is refused even with the password...
        token(owner, PASSWORD, "203.0.113.99")
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists(HttpHeaders.RETRY_AFTER));
        // ...while the owner's device signs in, even from the attacker's network.
        token(owner, PASSWORD, "198.51.100.7", device).andExpect(status().isCreated());
        // A known device's own failures pause that device, as any source.
        for (int i = 0; i < 5; i++) {
            token(owner, "typo " + i, OWNER_ADDRESS, device);
        }
        token(owner, PASSWORD, OWNER_ADDRESS, device).andExpect(status().isTooManyRequests());
    }

    @Test
    void theDeviceCookieIsHttpOnlySameSiteStrictAndSecureOverHttps() throws Exception {
        String owner = cast.newUser(users, "calder.weber", PASSWORD, Role.EXPORTER);
        String overHttps = mvc.perform(post("/api/v1/tokens")
                        .secure(true)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"" + owner + "\",\"password\":\"" + PASSWORD + "\"}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getHeader(HttpHeaders.SET_COOKIE);
        assertThat(overHttps)
                .startsWith(SignInSource.DEVICE_COOKIE + "=")
                .contains("HttpOnly")
                .contains("SameSite=Strict")
                .contains("Secure")
                .contains("Path=/");
        String overHttp =
                token(owner, PASSWORD, OWNER_ADDRESS).andReturn().getResponse().getHeader(HttpHeaders.SET_COOKIE);
        assertThat(overHttp).contains("HttpOnly").contains("SameSite=Strict").doesNotContain("Secure");
    }

    @Test
    void aPausedTokenRequestIsA429ProblemWithRetryAfter() throws Exception {
        String owner = cast.newUser(users, "northbridge.lee", PASSWORD, Role.EXPORTER);
        for (int i = 0; i < 4; i++) {
            token(owner, "guess " + i, ATTACKER_ADDRESS);
        }
        MockHttpServletResponse response = token(owner, "guess 5", ATTACKER_ADDRESS)
                .andExpect(status().isTooManyRequests())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(429))
                .andExpect(jsonPath("$.detail")
                        .value(org.hamcrest.Matchers.containsString("Too many failed sign-in attempts")))
                .andReturn()
                .getResponse();
        assertThat(Long.parseLong(response.getHeader(HttpHeaders.RETRY_AFTER))).isBetween(1L, 30L);
    }

    @Test
    void aPausedWebSignInAnswers429WithRetryAfterOnTheSignInPage() throws Exception {
        String owner = cast.newUser(users, "calder.weber", PASSWORD, Role.EXPORTER);
        Cookie session = null; // Spring Session keeps the session in PostgreSQL, named by this cookie
        for (int i = 0; i < 5; i++) {
            var attempt = post("/login")
                    .param("username", owner)
                    .param("password", "guess " + i)
                    .with(csrf())
                    .with(r -> {
                        r.setRemoteAddr(ATTACKER_ADDRESS);
                        return r;
                    });
            if (session != null) {
                attempt.cookie(session);
            }
            MockHttpServletResponse response = mvc.perform(attempt)
                    .andExpect(redirectedUrl("/login?error"))
                    .andReturn()
                    .getResponse();
            if (response.getCookie("SESSION") != null) {
                session = response.getCookie("SESSION");
            }
        }
        MvcResult page = mvc.perform(get("/login").param("error", "").cookie(session))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists(HttpHeaders.RETRY_AFTER))
                .andReturn();
        assertThat(page.getResponse().getContentAsString())
                .contains("Too many failed sign-in attempts")
                .contains("id=\"username\"");
        assertThat(Long.parseLong(page.getResponse().getHeader(HttpHeaders.RETRY_AFTER)))
                .isBetween(1L, 30L);
    }

    @Test
    void nothingStoresTheRawAddress() throws Exception {
        String address = "203.0.113.201";
        String owner = cast.newUser(users, "northbridge.lee", PASSWORD, Role.EXPORTER);
        for (int i = 0; i < 6; i++) {
            token(owner, "guess " + i, address);
        }
        token("no-such-user-" + System.nanoTime(), "guess", address);
        mvc.perform(post("/login")
                .param("username", owner)
                .param("password", "guess")
                .with(csrf())
                .with(r -> {
                    r.setRemoteAddr(address);
                    return r;
                }));
        String ownerAddress = "203.0.113.202";
        token(owner, PASSWORD, ownerAddress).andExpect(status().isCreated());

        assertThat(jdbc.sql("select source from sign_in_pause where username_key = :u")
                        .param("u", SignInThrottle.key(owner))
                        .query(String.class)
                        .list())
                .isNotEmpty()
                .allMatch(source -> source.matches("a:[A-Za-z0-9_-]{43}"));
        assertThat(holdersOf(address)).as("columns holding the address").isEmpty();
        assertThat(holdersOf(ownerAddress))
                .as("columns holding the owner's address")
                .isEmpty();
    }

    /** Every column of the database (text, JSON or bytes) in which the text occurs. */
    private List<String> holdersOf(String text) {
        List<Map<String, Object>> columns = jdbc.sql("""
                        select table_schema, table_name, column_name, data_type from information_schema.columns
                        where table_schema not in ('pg_catalog', 'information_schema')
                        and data_type in ('text', 'character varying', 'character', 'json', 'jsonb', 'bytea')""").query().listOfRows();
        List<String> holders = new ArrayList<>();
        for (Map<String, Object> c : columns) {
            String column = "\"" + c.get("table_schema") + "\".\"" + c.get("table_name") + "\".\""
                    + c.get("column_name") + "\"";
            String table = "\"" + c.get("table_schema") + "\".\"" + c.get("table_name") + "\"";
            String name = "\"" + c.get("column_name") + "\"";
            String test = "bytea".equals(c.get("data_type"))
                    ? "position(convert_to(:t, 'UTF8') in " + name + ") > 0"
                    : "strpos(" + name + "::text, :t) > 0";
            long hits = jdbc.sql("select count(*) from " + table + " where " + test)
                    .param("t", text)
                    .query(Long.class)
                    .single();
            if (hits > 0) {
                holders.add(column);
            }
        }
        return holders;
    }
}
