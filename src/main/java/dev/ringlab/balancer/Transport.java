package dev.ringlab.balancer;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.ServerSocketChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.util.concurrent.ThreadFactory;

/**
 * The sockets under the balancer and the experiments' client: Netty's native epoll where it loads (Linux),
 * Java's NIO elsewhere (macOS, Windows) or with {@code -Dringlab.transport=nio}. Event loops and channels
 * must come from the same one.
 */
public final class Transport {

    private static final boolean EPOLL = !"nio".equals(System.getProperty("ringlab.transport")) && Epoll.isAvailable();

    private Transport() {
    }

    public static EventLoopGroup loops(int threads, ThreadFactory threadFactory) {
        return EPOLL ? new EpollEventLoopGroup(threads, threadFactory) : new NioEventLoopGroup(threads, threadFactory);
    }

    public static Class<? extends SocketChannel> socket() {
        return EPOLL ? EpollSocketChannel.class : NioSocketChannel.class;
    }

    public static Class<? extends ServerSocketChannel> server() {
        return EPOLL ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
    }

    /** "epoll" or "nio", for logs and benchmarks. */
    public static String name() {
        return EPOLL ? "epoll" : "nio";
    }
}
