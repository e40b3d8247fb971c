package dev.ringlab.balancer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A client socket that sends exactly the bytes it is given, as nc does, and reads what comes back. */
final class RawConnection implements AutoCloseable {

    /** What the balancer sent, and whether it closed the connection (false: still open when reading stopped). */
    record Received(String text, boolean closed) {
    }

    private final Socket socket = new Socket();

    RawConnection(int port) throws IOException {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
    }

    RawConnection send(String latin1) throws IOException {
        socket.getOutputStream().write(latin1.getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().flush();
        return this;
    }

    /** Reads until the balancer closes the connection or {@code quiet} passes without a byte. */
    Received read(Duration quiet) throws IOException {
        socket.setSoTimeout((int) quiet.toMillis());
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                all.write(buffer, 0, n);
            }
            return new Received(all.toString(StandardCharsets.ISO_8859_1), true);
        } catch (SocketTimeoutException stillOpen) {
            return new Received(all.toString(StandardCharsets.ISO_8859_1), false);
        } catch (IOException reset) {
            return new Received(all.toString(StandardCharsets.ISO_8859_1), true);
        }
    }

    /** Reads one whole answer (header and Content-Length bytes of body), waiting at most {@code max}. */
    Received readAnswer(Duration max) throws IOException {
        socket.setSoTimeout((int) max.toMillis());
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        InputStream in = socket.getInputStream();
        while (true) {
            String text = all.toString(StandardCharsets.ISO_8859_1);
            int end = text.indexOf("\r\n\r\n");
            if (end >= 0) {
                java.util.regex.Matcher length = java.util.regex.Pattern.compile("(?i)content-length: (\\d+)")
                        .matcher(text.substring(0, end));
                if (length.find() && text.length() >= end + 4 + Integer.parseInt(length.group(1))) {
                    return new Received(text, false);
                }
            }
            int b = in.read();
            if (b < 0) {
                return new Received(text, true);
            }
            all.write(b);
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
