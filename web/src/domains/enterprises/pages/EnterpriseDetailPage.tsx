import { useParams } from 'react-router';
import { EnterpriseDetail } from '../components/EnterpriseDetail';

export default function EnterpriseDetailPage() {
  const { id } = useParams<{ id: string }>();
  return id ? <EnterpriseDetail id={id} /> : null;
}
