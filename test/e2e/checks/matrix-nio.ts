// Users, a room and messages made and read back with a Matrix client library (Debian's
// python3-matrix-nio) inside the container, through nginx with TLS as a client connects.
import { aptInstall } from '../harness/apt.js';
import type { Container } from '../harness/container.js';

const SCRIPT_PATH = '/root/e2e-nio.py';
const CA_PATH = '/root/e2e-nio-ca.pem';

const SCRIPT = String.raw`
import asyncio, json, ssl, sys
import aiohttp
from nio import AsyncClient, LoginResponse, RoomCreateResponse, JoinResponse, RoomSendResponse, SyncResponse, RoomMessagesResponse

HS = "https://matrix.test"
SSL = ssl.create_default_context(cafile="${CA_PATH}")

def fail(what, response):
    print(f"{what}: {response}", file=sys.stderr)
    sys.exit(1)

async def login(user, password):
    client = AsyncClient(HS, user, ssl=SSL)
    response = await client.login(password)
    if not isinstance(response, LoginResponse):
        await client.close()
        fail(f"login {user}", response)
    return client

async def say(client, room, body):
    response = await client.room_send(room, "m.room.message", {"msgtype": "m.text", "body": body})
    if not isinstance(response, RoomSendResponse):
        fail(f"send {body!r}", response)

async def seed(admin_password, alice_password):
    admin = await login("admin", admin_password)
    # The admin API is not proxied to the internet: Synapse's own listener on this machine.
    async with aiohttp.ClientSession() as http:
        async with http.put("http://127.0.0.1:8008/_synapse/admin/v2/users/@alice:matrix.test", json={"password": alice_password},
                            headers={"Authorization": f"Bearer {admin.access_token}"}) as response:
            if response.status not in (200, 201):
                body = await response.text()
                await admin.close()
                fail("create @alice", body)
    room = await admin.room_create(name="upgrade test", invite=["@alice:matrix.test"])
    if not isinstance(room, RoomCreateResponse):
        fail("create room", room)
    alice = await login("alice", alice_password)
    joined = await alice.join(room.room_id)
    if not isinstance(joined, JoinResponse):
        fail("join", joined)
    await say(admin, room.room_id, "admin: before the upgrade")
    await say(alice, room.room_id, "alice: before the upgrade")
    for client in (admin, alice):
        await client.close()
    print(json.dumps({"room": room.room_id}))

async def read(user, password, room, label):
    client = await login(user, password)
    synced = await client.sync(timeout=5000)
    if not isinstance(synced, SyncResponse):
        fail(f"sync {user}", synced)
    messages = await client.room_messages(room, start=synced.next_batch, limit=200)
    if not isinstance(messages, RoomMessagesResponse):
        fail(f"messages {user}", messages)
    bodies = [event.body for event in reversed(messages.chunk) if hasattr(event, "body")]
    await say(client, room, f"{user}: {label}")
    await client.close()
    return bodies

async def check(admin_password, alice_password, room, label):
    result = {"admin": await read("admin", admin_password, room, label), "alice": await read("alice", alice_password, room, label)}
    print(json.dumps(result))

command = sys.argv[1]
if command == "seed":
    asyncio.run(seed(sys.argv[2], sys.argv[3]))
else:
    asyncio.run(check(sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5]))
`;

export interface MatrixUsers {
  adminPassword: string;
  alicePassword: string;
  room: string;
}

/** Installs python3-matrix-nio, then creates @alice, a room with both users and a message from each. */
export async function seedUsersAndMessages(container: Container, rootPem: string, adminPassword: string): Promise<MatrixUsers> {
  await aptInstall(container, ['python3-matrix-nio']);
  container.writeFile(CA_PATH, rootPem);
  container.writeFile(SCRIPT_PATH, SCRIPT);
  const alicePassword = `alice-${Date.now().toString(36)}-pw`;
  const result = await container.exec(['python3', SCRIPT_PATH, 'seed', adminPassword, alicePassword], { timeoutMs: 120_000 });
  const { room } = JSON.parse(result.stdout.trim().split('\n').pop()!) as { room: string };
  return { adminPassword, alicePassword, room };
}

/**
 * Both users log in, read the room's history (returned, oldest first) and each post a
 * message saying `label`; throws with nio's answer when anything fails.
 */
export async function readAndPost(container: Container, users: MatrixUsers, label: string): Promise<{ admin: string[]; alice: string[] }> {
  const result = await container.exec(['python3', SCRIPT_PATH, 'check', users.adminPassword, users.alicePassword, users.room, label], {
    timeoutMs: 120_000,
    okExitCodes: [0, 1],
  });
  if (result.exitCode !== 0) throw new Error(`the Matrix client failed (${label}):\n${result.stderr.slice(-3000)}`);
  return JSON.parse(result.stdout.trim().split('\n').pop()!) as { admin: string[]; alice: string[] };
}
