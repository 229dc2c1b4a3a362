"""The client matrix's python-websockets client (Debian's websockets 10.4).

Reads the cells (a JSON array of {id, url, protocols, deflate}) from the file
named by argv[1], opens each with websockets.connect(url, subprotocols=...,
compression='deflate' or None), sends a message, and prints one JSON line per
cell: accepted when the server's message came back, else the exception's
class and message, verbatim.
"""
import asyncio
import json
import sys

import websockets


async def run(c):
    out = {"id": c["id"], "accepted": False, "error": "", "protocol": "", "message": ""}
    try:
        async with websockets.connect(
            c["url"],
            subprotocols=c["protocols"] or None,
            compression="deflate" if c["deflate"] else None,
            open_timeout=15,
            close_timeout=5,
        ) as ws:
            out["protocol"] = ws.subprotocol or ""
            await ws.send("hello from websockets")
            msg = await asyncio.wait_for(ws.recv(), 15)
            out["accepted"] = True
            out["message"] = msg if isinstance(msg, str) else repr(msg)
    except Exception as e:  # the client's own error is the cell's outcome
        if not out["accepted"]:
            out["error"] = type(e).__name__ + ": " + str(e)
    return out


async def main():
    with open(sys.argv[1]) as f:
        cells = json.load(f)
    sem = asyncio.Semaphore(8)

    async def one(c):
        async with sem:
            r = await run(c)
            print(json.dumps(r), flush=True)

    await asyncio.gather(*(one(c) for c in cells))


asyncio.run(main())
