package org.pallas.server.identity;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;

/**
 * Where a sign-in attempt comes from: the client's address (as the servlet container reports it; behind a
 * proxy set {@code server.forward-headers-strategy}) and the {@code pallas-device} cookie, if the browser or
 * client sends one. The address is only ever used as an HMAC ({@link SignInThrottle}).
 */
record SignInSource(String address, Optional<String> deviceToken) {

    static final String DEVICE_COOKIE = "pallas-device";

    static SignInSource of(HttpServletRequest request) {
        Optional<String> device = Optional.ofNullable(request.getCookies()).stream()
                .flatMap(Arrays::stream)
                .filter(c -> DEVICE_COOKIE.equals(c.getName()))
                .map(Cookie::getValue)
                .findFirst();
        return new SignInSource(String.valueOf(request.getRemoteAddr()), device);
    }

    /** Sets the device cookie: HttpOnly, SameSite=Strict, and Secure when asked (over HTTPS). */
    static void remember(HttpServletResponse response, String token, Duration lifetime, boolean secure) {
        ResponseCookie cookie = ResponseCookie.from(DEVICE_COOKIE, token)
                .httpOnly(true)
                .secure(secure)
                .sameSite("Strict")
                .path("/")
                .maxAge(lifetime)
                .build();
        response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
    }
}
