package org.pallas.server.licensing.notifications;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback SMTP listener that speaks just enough SMTP for JavaMail: greeting, EHLO/HELO, MAIL, RCPT, DATA, QUIT.
 * It keeps every message it accepts, and refuses the next {@link #failNext} messages at DATA with a 451.
 */
final class SmtpListener implements AutoCloseable {

    private final ServerSocket server;
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger failures = new AtomicInteger();
    private final Thread thread;

    SmtpListener() throws IOException {
        server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        thread = new Thread(this::serve, "test-smtp");
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return server.getLocalPort();
    }

    void failNext(int n) {
        failures.set(n);
    }

    List<String> received() {
        return List.copyOf(received);
    }

    private void serve() {
        while (!server.isClosed()) {
            try (Socket s = server.accept()) {
                session(s);
            } catch (IOException e) {
                // closed, or the client hung up: wait for the next connection
            }
        }
    }

    private void session(Socket s) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
        OutputStream out = s.getOutputStream();
        say(out, "220 localhost test SMTP");
        String line;
        while ((line = in.readLine()) != null) {
            String verb = line.length() >= 4 ? line.substring(0, 4).toUpperCase(java.util.Locale.ROOT) : line;
            switch (verb) {
                case "EHLO", "HELO" -> say(out, "250 localhost");
                case "MAIL", "RCPT", "RSET", "NOOP" -> say(out, "250 OK");
                case "DATA" -> {
                    say(out, "354 End data with <CR><LF>.<CR><LF>");
                    StringBuilder message = new StringBuilder();
                    String l;
                    while ((l = in.readLine()) != null && !l.equals(".")) {
                        message.append(l).append('\n');
                    }
                    if (failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                        say(out, "451 4.3.0 Try again later");
                    } else {
                        received.add(message.toString());
                        say(out, "250 OK queued");
                    }
                }
                case "QUIT" -> {
                    say(out, "221 Bye");
                    return;
                }
                default -> say(out, "502 Command not implemented");
            }
        }
    }

    private static void say(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
