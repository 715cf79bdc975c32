package io.newsflow.security;

import jakarta.servlet.ServletException;
import java.io.IOException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;

/**
 * Closes the connection of a request whose body a filter refused ({@link RequestBodies#refuse}), once its answer is
 * sent, instead of letting Tomcat read the rest of the body at the client's pace. Only Tomcat's own request can say
 * so; hence a valve.
 */
final class RefusedBodyValve extends ValveBase {

    RefusedBodyValve() {
        super(true);
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        getNext().invoke(request, response);
        if (RequestBodies.refused(request)) {
            request.getCoyoteRequest().action(ActionCode.DISABLE_SWALLOW_INPUT, null);
        }
    }
}
