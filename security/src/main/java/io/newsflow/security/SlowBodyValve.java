package io.newsflow.security;

import jakarta.servlet.ServletException;
import java.io.IOException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;

/**
 * Closes the connection of a request whose body {@link SlowBodyFilter} cut off, once its answer is sent. Without it
 * Tomcat would read ("swallow") the rest of the body to keep the connection alive, at the client's pace: the drip the
 * filter refused would hold the thread all the same. Only Tomcat's own request can say so; hence a valve.
 */
final class SlowBodyValve extends ValveBase {

    SlowBodyValve() {
        super(true);
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        getNext().invoke(request, response);
        if (request.getAttribute(SlowBodyFilter.CUT_OFF) != null) {
            request.getCoyoteRequest().action(ActionCode.DISABLE_SWALLOW_INPUT, null);
        }
    }
}
