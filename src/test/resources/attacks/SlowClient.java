import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The attacker of the slow-connections test, run by another local account with {@code java SlowClient.java
 * PORT COUNT FOLDER}: opens COUNT connections to the client service and sends each one byte every
 * 2 seconds, as long as the service keeps them (FOLDER/opened once all are open). For each it writes
 * into FOLDER/ended how it ended and how many bytes the service sent: {@code closed} (the service
 * ended it) or {@code held} (still open when FOLDER/stop appeared).
 */
public class SlowClient {
    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int count = Integer.parseInt(args[1]);
        Path folder = Path.of(args[2]);
        Path ended = folder.resolve("ended");
        Files.writeString(ended, "");
        List<Socket> sockets = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Socket s = new Socket(InetAddress.getLoopbackAddress(), port);
            s.setSoTimeout(100);
            sockets.add(s);
        }
        Files.writeString(folder.resolve("opened"), count + "\n");
        int[] received = new int[count];
        boolean[] done = new boolean[count];
        int open = count;
        long nextByte = 0;
        while (open > 0 && !Files.exists(folder.resolve("stop"))) {
            boolean sendNow = System.nanoTime() >= nextByte;
            if (sendNow) {
                nextByte = System.nanoTime() + 2_000_000_000L;
            }
            for (int i = 0; i < count; i++) {
                if (done[i]) {
                    continue;
                }
                Socket s = sockets.get(i);
                try {
                    if (sendNow) {
                        s.getOutputStream().write('x');
                    }
                    InputStream in = s.getInputStream();
                    int b = in.read();
                    if (b < 0) {
                        throw new java.io.EOFException();
                    }
                    received[i]++;
                } catch (SocketTimeoutException e) {
                    // nothing yet
                } catch (java.io.IOException e) {
                    done[i] = true;
                    open--;
                    Files.writeString(ended, "closed after " + received[i] + " bytes from the service\n",
                            StandardOpenOption.APPEND);
                }
            }
        }
        for (int i = 0; i < count; i++) {
            if (!done[i]) {
                Files.writeString(ended, "held, " + received[i] + " bytes from the service\n", StandardOpenOption.APPEND);
            }
            sockets.get(i).close();
        }
    }
}
