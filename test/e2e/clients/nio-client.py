"""A Matrix client (matrix-nio) for the adopt scenario: `seed` makes a room with messages and an
upload as two users; `check` logs both in again and reads everything back. JSON on stdout."""
import asyncio
import hashlib
import json
import os
import ssl
import sys

from nio import AsyncClient, DownloadError, LoginResponse, RoomCreateResponse, SyncResponse, UploadResponse

HOMESERVER = os.environ.get("HOMESERVER", "https://matrix.test")
CA_FILE = os.environ["CA_FILE"]
SERVER_NAME = os.environ.get("SERVER_NAME", "matrix.test")
ROOM_NAME = "Before adopting"


def context():
    ctx = ssl.create_default_context(cafile=CA_FILE)
    return ctx


async def login(user, password):
    client = AsyncClient(HOMESERVER, f"@{user}:{SERVER_NAME}", ssl=context())
    response = await client.login(password, device_name=f"adopt-e2e-{user}")
    if not isinstance(response, LoginResponse):
        raise SystemExit(f"login of {user} failed: {response}")
    return client


async def download(client, mxc):
    try:
        response = await client.download(mxc=mxc)
    except TypeError:  # older matrix-nio: download(server_name, media_id)
        server, media_id = mxc[len("mxc://"):].split("/", 1)
        response = await client.download(server, media_id)
    if not isinstance(response, DownloadError):
        return response.body
    # Synapse serves new media only to authenticated clients (/_matrix/client/v1/media).
    server, media_id = mxc[len("mxc://"):].split("/", 1)
    url = f"{HOMESERVER}/_matrix/client/v1/media/download/{server}/{media_id}"
    async with client.client_session.get(url, headers={"Authorization": f"Bearer {client.access_token}"}, ssl=context()) as http:
        if http.status != 200:
            raise SystemExit(f"download of {mxc} failed: {response} / HTTP {http.status}")
        return await http.read()


async def seed(password_alice, password_bob):
    alice = await login("alice", password_alice)
    bob = await login("bob", password_bob)
    created = await alice.room_create(name=ROOM_NAME, invite=[bob.user_id])
    if not isinstance(created, RoomCreateResponse):
        raise SystemExit(f"room_create failed: {created}")
    room = created.room_id
    await bob.join(room)
    texts = ["hello from alice, before the move", "bob here, still on SQLite", "one more from alice"]
    senders = [alice, bob, alice]
    for client, text in zip(senders, texts):
        sent = await client.room_send(room, "m.room.message", {"msgtype": "m.text", "body": text})
        if not hasattr(sent, "event_id"):
            raise SystemExit(f"room_send failed: {sent}")
    data = os.urandom(200_000)
    uploaded, _ = await alice.upload(lambda *_: data, content_type="application/octet-stream", filename="before.bin", filesize=len(data))
    if not isinstance(uploaded, UploadResponse):
        raise SystemExit(f"upload failed: {uploaded}")
    await alice.room_send(room, "m.room.message", {"msgtype": "m.file", "body": "before.bin", "url": uploaded.content_uri})
    result = {"room_id": room, "texts": texts, "mxc": uploaded.content_uri, "sha256": hashlib.sha256(data).hexdigest()}
    for client in (alice, bob):
        await client.logout()
        await client.close()
    print(json.dumps(result))


async def check(password_alice, password_bob, room):
    result = {}
    for user, password in (("alice", password_alice), ("bob", password_bob)):
        client = await login(user, password)
        synced = await client.sync(timeout=3000, full_state=True, sync_filter={"room": {"timeline": {"limit": 50}}})
        if not isinstance(synced, SyncResponse):
            raise SystemExit(f"sync of {user} failed: {synced}")
        joined = synced.rooms.join.get(room)
        if joined is None:
            raise SystemExit(f"{user} is not in {room} any more: {list(synced.rooms.join)}")
        events = [e.source.get("content", {}) for e in joined.timeline.events]
        texts = [c.get("body") for c in events if c.get("msgtype") == "m.text"]
        files = [c.get("url") for c in events if c.get("msgtype") == "m.file"]
        body = await download(client, files[0]) if files else b""
        result[user] = {"texts": texts, "files": files, "sha256": hashlib.sha256(body).hexdigest()}
        await client.logout()
        await client.close()
    print(json.dumps(result))


if __name__ == "__main__":
    command = sys.argv[1]
    if command == "seed":
        asyncio.run(seed(sys.argv[2], sys.argv[3]))
    elif command == "check":
        asyncio.run(check(sys.argv[2], sys.argv[3], sys.argv[4]))
    else:
        raise SystemExit(f"unknown command {command}")
