import { forwardToApi } from '@/lib/api-proxy';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ path: string[] }> };

const forward = async (request: Request, { params }: Context) => forwardToApi(request, (await params).path);

export { forward as DELETE, forward as GET, forward as PATCH, forward as POST };
