package io.forewarn.web.request;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;

/**
 * A response held back until the request's transaction has been decided: the body is kept in memory
 * and never flushed, so nothing is committed to the client and the answer can still be stored, or
 * replaced by a problem. Status and headers go to the real response, which stays uncommitted (and can
 * be reset) until {@link #send()} writes the body. An error sent with {@code sendError} is held too and
 * passed on by {@link #send()}, for the container to render.
 */
final class BufferedResponse extends HttpServletResponseWrapper {

    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private ServletOutputStream stream;
    private PrintWriter writer;
    private boolean errorSent;
    private String errorMessage;

    BufferedResponse(HttpServletResponse response) {
        super(response);
    }

    @Override
    public ServletOutputStream getOutputStream() {
        if (writer != null) {
            throw new IllegalStateException("getWriter() has already been called");
        }
        if (stream == null) {
            stream = new ServletOutputStream() {
                @Override
                public void write(int b) {
                    buffer.write(b);
                }

                @Override
                public void write(byte[] bytes, int offset, int length) {
                    buffer.write(bytes, offset, length);
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setWriteListener(WriteListener listener) {
                    throw new UnsupportedOperationException("the response is buffered");
                }
            };
        }
        return stream;
    }

    @Override
    public PrintWriter getWriter() {
        if (stream != null) {
            throw new IllegalStateException("getOutputStream() has already been called");
        }
        if (writer == null) {
            writer = new PrintWriter(new OutputStreamWriter(buffer, Charset.forName(getCharacterEncoding())));
        }
        return writer;
    }

    @Override
    public void flushBuffer() {
        if (writer != null) {
            writer.flush();
        }
    }

    @Override
    public boolean isCommitted() {
        return errorSent || super.isCommitted();
    }

    @Override
    public void resetBuffer() {
        flushBuffer();
        buffer.reset();
        super.resetBuffer();
    }

    @Override
    public void reset() {
        resetBuffer();
        super.reset();
        errorSent = false;
        errorMessage = null;
    }

    @Override
    public void sendError(int status) {
        sendError(status, null);
    }

    @Override
    public void sendError(int status, String message) {
        setStatus(status);
        errorSent = true;
        errorMessage = message;
    }

    /** Whether the request ended in {@code sendError} (an answer the container renders, not one to store). */
    boolean errorSent() {
        return errorSent;
    }

    /** The body written so far. */
    byte[] body() {
        flushBuffer();
        return buffer.toByteArray();
    }

    /** Passes the held answer on to the client. */
    void send() throws IOException {
        HttpServletResponse response = (HttpServletResponse) getResponse();
        if (errorSent) {
            if (errorMessage == null) {
                response.sendError(getStatus());
            } else {
                response.sendError(getStatus(), errorMessage);
            }
            return;
        }
        byte[] body = body();
        if (body.length > 0) {
            response.getOutputStream().write(body);
        }
    }

    /** Forgets the held answer, headers included, so that another can be written to the real response. */
    HttpServletResponse discard() {
        buffer.reset();
        HttpServletResponse response = (HttpServletResponse) getResponse();
        response.reset();
        return response;
    }
}
