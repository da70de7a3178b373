#!/usr/bin/env python3
"""A Matrix client for the backup/restore scenario, written with matrix-nio (Debian's
python3-matrix-nio), so the server is checked by a client library and not by matrix-setup's
own code. Runs inside the test container, where the server's names resolve.

  seed  --token TOKEN --out FILE   two users (registered with a registration token), a room,
                                   messages before and after a known point, a 2 MiB upload,
                                   and one-time keys uploaded for a device of the first user
  check --seed FILE --out FILE     both users log in with their passwords, read every message
                                   in order, read from the known point on, download the upload

Synapse allows five logins per address in a burst and then one every few minutes
(rc_login.address), so seed logs in once per user and also reads back what it sent with those
sessions (`control` in its output: the reading check itself, on the original server).

Environment: HOMESERVER (https://matrix.test), CA_FILE (the CA the server's certificate
chains to). Prints nothing on success; the results are in the --out JSON file.
"""
import argparse
import asyncio
import hashlib
import io
import json
import os
import secrets
import ssl
import sys
import tempfile

from nio import (
    AsyncClient,
    AsyncClientConfig,
    JoinResponse,
    KeysUploadResponse,
    LoginResponse,
    MessageDirection,
    RegisterResponse,
    RoomCreateResponse,
    RoomMessagesResponse,
    RoomSendResponse,
    SyncResponse,
    UploadResponse,
)

HOMESERVER = os.environ["HOMESERVER"]
CA_FILE = os.environ["CA_FILE"]
SERVER_NAME = HOMESERVER.split("://", 1)[1].split(":")[0]
UPLOAD_BYTES = 2 * 1024 * 1024


def fail(message):
    print(message, file=sys.stderr)
    sys.exit(1)


def expect(response, kind, what):
    if not isinstance(response, kind):
        fail(f"{what}: {response}")
    return response


def client(user, store_path=None):
    # A 429 fails at once instead of nio sleeping through it (minutes for a login).
    config = AsyncClientConfig(encryption_enabled=store_path is not None, store_sync_tokens=False, max_limit_exceeded=0)
    return AsyncClient(HOMESERVER, user, store_path=store_path or "", config=config, ssl=ssl.create_default_context(cafile=CA_FILE))


async def login(user, password, store_path=None):
    c = client(f"@{user}:{SERVER_NAME}", store_path)
    expect(await c.login(password, device_name=f"backup-restore-{user}"), LoginResponse, f"login {user}")
    return c


async def send(c, room_id, body, extra=None):
    content = {"msgtype": "m.text", "body": body, **(extra or {})}
    return expect(await c.room_send(room_id, "m.room.message", content), RoomSendResponse, f"send {body}")


async def seed(args):
    users = {name: secrets.token_urlsafe(16) for name in ("alice", "bob")}
    for name, password in users.items():
        c = client(f"@{name}:{SERVER_NAME}")
        expect(await c.register_with_token(name, password, args.token), RegisterResponse, f"register {name}")
        await c.close()

    # A device of alice's with end-to-end keys: its one-time keys are what a backup must leave out.
    # (Three logins here, the install's admin login makes four: the burst Synapse allows is five.)
    with tempfile.TemporaryDirectory() as store:
        keys = await login("alice", users["alice"], store)
        uploaded = expect(await keys.keys_upload(), KeysUploadResponse, "keys upload")
        await keys.close()
    alice = await login("alice", users["alice"])
    bob = await login("bob", users["bob"])
    room = expect(await alice.room_create(name="backup and restore", invite=[f"@bob:{SERVER_NAME}"]), RoomCreateResponse, "create room")
    expect(await bob.join(room.room_id), JoinResponse, "bob joins")

    messages = []
    for i in range(1, 7):
        sender = alice if i % 2 else bob
        body = f"message {i} from {'alice' if i % 2 else 'bob'}"
        await send(sender, room.room_id, body)
        messages.append(body)

    data = os.urandom(UPLOAD_BYTES)
    upload, _ = await alice.upload(io.BytesIO(data), content_type="application/octet-stream", filename="backup-test.bin", filesize=len(data))
    upload = expect(upload, UploadResponse, "upload")
    body = "backup-test.bin"
    file_content = {"msgtype": "m.file", "body": body, "url": upload.content_uri, "info": {"size": len(data), "mimetype": "application/octet-stream"}}
    expect(await alice.room_send(room.room_id, "m.room.message", file_content), RoomSendResponse, "send the file")
    messages.append(body)

    # The known point: a sync token; what is sent after it must be readable from it after a restore.
    sync = expect(await alice.sync(timeout=0), SyncResponse, "sync")
    after = []
    for i in range(1, 4):
        body = f"after the known point {i}"
        await send(bob if i % 2 else alice, room.room_id, body)
        after.append(body)
    messages.extend(after)

    result = {
        "server_name": SERVER_NAME,
        "users": users,
        "room_id": room.room_id,
        "messages": messages,
        "known_point": sync.next_batch,
        "after_point": after,
        "mxc": upload.content_uri,
        "sha256": hashlib.sha256(data).hexdigest(),
        "one_time_keys_uploaded": getattr(uploaded, "signed_curve25519_count", None),
    }
    result["control"] = {"alice": await user_view(alice, result), "bob": await user_view(bob, result)}
    await alice.close()
    await bob.close()
    with open(args.out, "w") as out:
        json.dump(result, out, indent=2)


def bodies(events):
    return [e.source["content"]["body"] for e in events if e.source.get("type") == "m.room.message" and "body" in e.source.get("content", {})]


async def read_all(c, room_id, pages):
    """Every message of the room, oldest first, by paginating back from now (each page noted in `pages`)."""
    sync = expect(await c.sync(timeout=0), SyncResponse, "sync")
    token, found = sync.next_batch, []
    for _ in range(50):
        page = expect(await c.room_messages(room_id, start=token, direction=MessageDirection.back, limit=20), RoomMessagesResponse, "messages")
        pages.append({"from": token, "end": page.end, "types": [e.source.get("type") for e in page.chunk]})
        found.extend(bodies(page.chunk))
        if not page.chunk or not page.end:
            break
        token = page.end
    return list(reversed(found))


async def user_view(c, seeded):
    """What this user reads: every message in order, those from the known point on, the upload."""
    pages = []
    everything = await read_all(c, seeded["room_id"], pages)
    forward = expect(
        await c.room_messages(seeded["room_id"], start=seeded["known_point"], direction=MessageDirection.front, limit=50),
        RoomMessagesResponse,
        "messages from the known point",
    )
    download = await c.download(mxc=seeded["mxc"])
    body = getattr(download, "body", None)
    return {
        "messages": everything,
        "after_point": bodies(forward.chunk),
        "download_sha256": hashlib.sha256(body).hexdigest() if isinstance(body, (bytes, bytearray)) else f"no body: {download}",
        "pages": pages,
    }


async def check(args):
    with open(args.seed) as f:
        seeded = json.load(f)
    results = {}
    for name, password in seeded["users"].items():
        c = await login(name, password)
        results[name] = {"logged_in": True, **(await user_view(c, seeded))}
        await c.close()
    with open(args.out, "w") as out:
        json.dump(results, out, indent=2)


def main():
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="command", required=True)
    s = sub.add_parser("seed")
    s.add_argument("--token", required=True)
    s.add_argument("--out", required=True)
    c = sub.add_parser("check")
    c.add_argument("--seed", required=True)
    c.add_argument("--out", required=True)
    args = parser.parse_args()
    asyncio.run(seed(args) if args.command == "seed" else check(args))


if __name__ == "__main__":
    main()
