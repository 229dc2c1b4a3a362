# The reference setup of the websockets profile: python-websockets'
# websockets.serve() as Debian 12 ships it (10.4), on 127.0.0.1 and a port
# the kernel picks, with its defaults (compression="deflate").
# Usage: /usr/bin/python3 websockets-server.py [nopmd] [proto1,proto2]
# "nopmd" sets compression=None; a protocol list is serve()'s subprotocols.
# The script prints the bound port on one line once it listens, and exits
# when its stdin closes (the test's end), so it never outlives the test.
import asyncio
import sys

import websockets


async def echo(ws, path=None):
    try:
        async for msg in ws:
            await ws.send(msg)
    except websockets.ConnectionClosed:
        pass


async def main():
    kwargs = {}
    for arg in sys.argv[1:]:
        if arg == "nopmd":
            kwargs["compression"] = None
        else:
            kwargs["subprotocols"] = arg.split(",")
    server = await websockets.serve(echo, "127.0.0.1", 0, **kwargs)
    port = server.sockets[0].getsockname()[1]
    sys.stdout.write("%d\n" % port)
    sys.stdout.flush()
    loop = asyncio.get_running_loop()
    done = loop.create_future()

    def watch():
        if not sys.stdin.buffer.read1(1 << 16):
            if not done.done():
                done.set_result(None)

    loop.add_reader(sys.stdin.fileno(), watch)
    await done
    server.close()
    await server.wait_closed()


asyncio.run(main())
